namespace ComplianceBot.Core.Conversation;

/// <summary>Why a question was recorded as unanswered.</summary>
public enum UnansweredReason
{
    /// <summary>No confident match: the bot fell back.</summary>
    FellBack,

    /// <summary>Several topics were plausible: the bot asked which one.</summary>
    Clarified,
}

/// <summary>
/// Receives questions the bot could not answer directly, so the compliance team can add phrasings or topics.
/// Implementations must remove personal data (addresses, numbers, ids, mentions) from the text before storing
/// anything, and never store a user or conversation identity.
/// </summary>
public interface IUnansweredLog
{
    /// <summary>Records one occurrence of <paramref name="typedText"/>; must not throw.</summary>
    /// <param name="typedText">
    /// The question as the person typed it (trimmed, not normalised), so that e-mail and web addresses can still be
    /// recognised and redacted before the text is normalised.
    /// </param>
    /// <param name="reason">Why the question counts as unanswered.</param>
    /// <param name="declinedAs">
    /// For a fallback, the id of the out-of-scope group the bot declined the question with (a deliberate "not my
    /// subject"), so it can be reported apart from gaps in the content; null for a gap or a clarify.
    /// </param>
    void Record(string typedText, UnansweredReason reason, string? declinedAs = null);
}
