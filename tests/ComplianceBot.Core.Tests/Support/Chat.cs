using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Tests.Support;

/// <summary>
/// One conversation with an assistant, as a host runs it: each message is answered from the stored state, and the
/// turn's new state replaces it. <see cref="Decision"/> is why the last turn went where it did.
/// </summary>
internal sealed class Chat(ComplianceAssistant assistant)
{
    /// <summary>The conversation's state now (settable, to plant state a deployment or storage left behind).</summary>
    public ConversationState State { get; set; } = new();

    /// <summary>Why the last turn went where it did.</summary>
    public Decision? Decision { get; private set; }

    /// <summary>Sends <paramref name="input"/>; returns the replies.</summary>
    public IReadOnlyList<BotReply> Send(TurnInput input)
    {
        var result = assistant.Respond(input, State);
        (State, Decision) = (result.NewState, result.Decision);
        return result.Replies;
    }

    /// <summary>Sends the text <paramref name="text"/>; returns the replies.</summary>
    public IReadOnlyList<BotReply> Send(string text) => Send(new TurnInput(text));
}
