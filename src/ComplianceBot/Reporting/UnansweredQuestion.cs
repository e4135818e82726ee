using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Reporting;

/// <summary>One question the bot could not answer directly, with how often it was asked.</summary>
/// <param name="Text">
/// The question as stored: normalised (lowercase, punctuation removed) and redacted (<see cref="PersonalDataRedactor"/>);
/// never a user's or a conversation's identity, though free text may still contain what people typed (e.g. a name).
/// </param>
/// <param name="Reason">Whether the bot fell back or asked which topic was meant.</param>
/// <param name="Count">How many times it was asked (1 or more).</param>
/// <param name="FirstSeen">When it was first asked (UTC).</param>
/// <param name="LastSeen">When it was last asked (UTC).</param>
/// <param name="DeclinedAs">
/// For a fallback that declined the question on purpose, the out-of-scope group (<c>knowledge/out-of-scope.yaml</c>)
/// it matched, e.g. <c>it-support</c>; null for a gap in the content.
/// </param>
public sealed record UnansweredQuestion(string Text, UnansweredReason Reason, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    string? DeclinedAs = null)
{
    /// <summary>True when the content has no answer for it (a fallback that was not a deliberate decline, or a clarification).</summary>
    public bool IsGap => DeclinedAs is null;

    /// <summary>The reason as stored and printed: <c>fell-back</c>, <c>clarified</c> or <c>declined: &lt;group&gt;</c>.</summary>
    public string ReasonCode => SqliteUnansweredLog.ReasonCode(Reason, DeclinedAs);
}
