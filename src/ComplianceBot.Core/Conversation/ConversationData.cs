using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// Everything that must survive from one turn to the next, per conversation. Stored by the host in Bot Framework
/// <c>ConversationState</c> (serialised as JSON), so it holds plain data only.
/// </summary>
/// <remarks>
/// Schema history. Version 1: everything below. <see cref="OfferedButtons"/> (and later <see cref="Turn"/>) was added later as an optional member
/// without a version bump, because state written before it reads correctly (as "no buttons offered": a number then
/// gets a helpful reply instead of picking a button) and older code ignores it; a bump would have reset every
/// conversation in progress, dialogs included. Bump <see cref="CurrentSchemaVersion"/> only for a change that old
/// state cannot be read as.
/// </remarks>
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

    /// <summary>
    /// The buttons of the bot's last reply that offered any (a clarify, the fallback menu, an answer's related topics,
    /// a prompt's choices), in order; empty when the last turn offered none. A message that is only a number ("2",
    /// "the second one", "第二个") picks from these. Each button's value is checked again when it is picked, exactly
    /// like a click, so a stale or altered entry cannot do more than a click could.
    /// </summary>
    public List<OfferedButton> OfferedButtons { get; set; } = [];

    /// <summary>
    /// Messages handled in this conversation (counted by <see cref="ComplianceAssistant.Respond"/>), so "right after a
    /// verdict" can be told from "later". Optional like <see cref="OfferedButtons"/>: older state reads as 0.
    /// </summary>
    public int Turn { get; set; }

    /// <summary>The decision dialog in progress or last finished (kept for "change an answer"); null when none.</summary>
    public DialogState? Dialog { get; set; }
}
