using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// Everything that must survive from one turn to the next, per conversation. Stored by the host in Bot Framework
/// <c>ConversationState</c> (serialised as JSON), so it holds plain data only.
/// </summary>
public sealed class ConversationData
{
    /// <summary>The schema version this code writes. Older stored state is upgraded or reset, never trusted blindly.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version of this state object. Default <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>True once the "general guidance, not legal advice" notice has been shown in this conversation.</summary>
    public bool DisclaimerShown { get; set; }

    /// <summary>Ids of members already welcomed, so a repeated <c>conversationUpdate</c> does not welcome twice.</summary>
    public List<string> WelcomedMembers { get; set; } = [];

    /// <summary>The language of the user's last message that had text (<c>en</c> or <c>zh</c>); replies to button clicks use it.</summary>
    public string Language { get; set; } = Text.Language.English.ToCode();

    /// <summary>The topic last answered, if any.</summary>
    public string? LastTopicId { get; set; }

    /// <summary>The decision dialog in progress or last finished (kept for "change an answer"); null when none.</summary>
    public DialogState? Dialog { get; set; }
}
