using System.Globalization;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;

namespace ComplianceBot.Core.Evaluation;

/// <summary>The outcome of a set of multi-turn conversations: each one's result, and the share handled right.</summary>
/// <param name="Results">One result per conversation, in file order.</param>
public sealed record ConversationReport(IReadOnlyList<ScriptResult> Results)
{
    /// <summary>Conversations in which every turn got the expected replies.</summary>
    public int HandledRight => Results.Count(r => r.Passed);

    /// <summary>The share of conversations handled right, in [0, 1]; 0 for an empty set.</summary>
    public double Share => Results.Count == 0 ? 0 : (double)HandledRight / Results.Count;

    /// <summary>One line: how many, how many right, and the share as a percentage.</summary>
    public string Summary => $"conversations: {Results.Count}, handled right: {HandledRight} ({Share.ToString("P1", CultureInfo.InvariantCulture)})";
}

/// <summary>
/// Plays a set of multi-turn conversations (the conversation script format, <see cref="ScriptFile"/>) each in a fresh
/// conversation, and reports the share handled right: a conversation counts only when every one of its turns got the
/// expected replies; a failure names the turn that went wrong (file:line of the step) with the transcript so far.
/// </summary>
public static class ConversationEvaluator
{
    /// <summary>Plays <paramref name="conversations"/>, each in a conversation from <paramref name="driver"/> (a fresh one per call).</summary>
    public static async Task<ConversationReport> RunAsync(IEnumerable<ConversationScript> conversations, Func<IConversationDriver> driver,
        CancellationToken cancellationToken = default)
    {
        var results = new List<ScriptResult>();
        foreach (var conversation in conversations)
        {
            await using var conversationDriver = driver();
            results.Add(await ScriptRunner.RunAsync(conversation, conversationDriver, cancellationToken));
        }

        return new ConversationReport(results);
    }
}
