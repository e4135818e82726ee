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

    private const string DeclinedPrefix = "declined: ";

    /// <summary>The reason as stored and printed: <c>fell-back</c>, <c>clarified</c> or <c>declined: &lt;group&gt;</c>.</summary>
    public string ReasonCode => Code(Reason, DeclinedAs);

    /// <summary>The reason as stored and printed: <c>fell-back</c>, <c>clarified</c>, or <c>declined: &lt;group&gt;</c> for a deliberate decline.</summary>
    public static string Code(UnansweredReason reason, string? declinedAs = null) =>
        reason == UnansweredReason.Clarified ? "clarified" : declinedAs is null ? "fell-back" : DeclinedPrefix + declinedAs;

    /// <summary>The row for a stored reason code (see <see cref="Code"/>).</summary>
    public static UnansweredQuestion FromStored(string text, string code, int count, DateTimeOffset firstSeen, DateTimeOffset lastSeen) =>
        code == "clarified" ? new(text, UnansweredReason.Clarified, count, firstSeen, lastSeen)
        : code.StartsWith(DeclinedPrefix, StringComparison.Ordinal) ? new(text, UnansweredReason.FellBack, count, firstSeen, lastSeen, code[DeclinedPrefix.Length..])
        : new(text, UnansweredReason.FellBack, count, firstSeen, lastSeen);
}
