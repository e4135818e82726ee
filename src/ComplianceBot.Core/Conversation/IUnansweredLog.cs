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
/// Implementations store the normalised text only: never a user or conversation identity.
/// </summary>
public interface IUnansweredLog
{
    /// <summary>Records one occurrence of <paramref name="normalizedText"/>; must not throw.</summary>
    void Record(string normalizedText, UnansweredReason reason);
}
