namespace ComplianceBot.Core.Conversation;

/// <summary>What a reply is, so channels can render each kind in their own way.</summary>
public enum ReplyKind
{
    /// <summary>Greeting for a member who joined the conversation.</summary>
    Welcome,

    /// <summary>An FAQ answer with its sources.</summary>
    Answer,

    /// <summary>"Did you mean…?" with 2-3 candidates.</summary>
    Clarify,

    /// <summary>Out of scope or no confident match; offers the main topics.</summary>
    Fallback,

    /// <summary>A short social reply (hello, thanks) or usage help.</summary>
    SmallTalk,

    /// <summary>The message had no text the bot could use (e.g. attachments only).</summary>
    NoText,

    /// <summary>A decision dialog asks for a fact (a slot).</summary>
    Prompt,

    /// <summary>A decision dialog's verdict.</summary>
    Verdict,

    /// <summary>Any other informational message (e.g. "the check was restarted").</summary>
    Notice,
}
