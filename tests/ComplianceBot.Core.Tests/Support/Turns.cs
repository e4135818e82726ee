using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Tests.Support;

/// <summary>
/// One turn without any host, on the real content (<see cref="RealContent.Served"/>): the inputs a button click sends,
/// and the analysis and decision steps run on a message and a conversation state. Import with <c>using static</c>.
/// </summary>
internal static class Turns
{
    /// <summary>The input of a button that starts the check <paramref name="dialog"/> (value <c>start</c>).</summary>
    public static TurnInput Start(string dialog) => new(null, new Dictionary<string, string> { ["start"] = dialog });

    /// <summary>The input of a choice button: value <paramref name="choice"/> for the slot <paramref name="slot"/>.</summary>
    public static TurnInput Submit(string slot, string choice) =>
        new(null, new Dictionary<string, string> { ["slot"] = slot, ["choice"] = choice });

    /// <summary>Analyses and decides the message <paramref name="text"/> in <paramref name="state"/> (a new conversation when null).</summary>
    public static TurnResult Decide(string text, ConversationState? state = null) => Decide(new TurnInput(text), state);

    /// <summary>Analyses and decides <paramref name="input"/> in <paramref name="state"/> (a new conversation when null).</summary>
    public static TurnResult Decide(TurnInput input, ConversationState? state = null)
    {
        state ??= new ConversationState();
        return TurnDecider.Decide(TurnAnalyzer.Analyze(input, state, RealContent.Served), state, RealContent.Served);
    }
}
