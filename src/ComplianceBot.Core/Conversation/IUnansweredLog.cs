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
    void Record(string typedText, UnansweredReason reason);
}
