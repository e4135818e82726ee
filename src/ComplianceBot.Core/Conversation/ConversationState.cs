using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// Everything that survives from one turn to the next, per conversation. An immutable value: a turn reads one and the
/// decision step (<see cref="TurnDecider.Decide"/>) returns the next, which the host stores whole, once per turn,
/// before it sends the replies. Plain data for System.Text.Json (<see cref="ConversationStateJson"/>): records with
/// init properties, immutable arrays and sorted maps, enums as strings, no .NET type names.
/// </summary>
/// <remarks>
/// Schema history. Version 1 was the mutable <c>ConversationData</c> class (Newtonsoft-serialised by Bot Framework
/// state). Version 2 (this record): the same members as an immutable value, written as camelCase JSON with string
/// enums. A member added later that old state can read as "absent" (an empty list, null, 0) needs no version bump, so
/// conversations in progress survive a deployment; bump <see cref="CurrentSchemaVersion"/> only for a change that old
/// state cannot be read as. State of another version is not trusted: <see cref="ConversationStateJson.Read"/> starts a
/// fresh conversation instead.
/// </remarks>
public sealed record ConversationState
{
    /// <summary>The schema version this code writes and reads. 2.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>Schema version of this state. Default <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// Messages handled in this conversation: each turn's new state has the previous one's plus one, so it also versions
    /// the state (and lets "right after a verdict" be told from "later"). 0 before the first message.
    /// </summary>
    public int Turn { get; init; }

    /// <summary>The language of the user's last message that had words (<c>en</c> or <c>zh</c>); replies to button clicks use it. Default <c>en</c>.</summary>
    public string Language { get; init; } = Text.Language.English.ToCode();

    /// <summary>True once the "general guidance, not legal advice" notice has been shown in this conversation.</summary>
    public bool DisclaimerShown { get; init; }

    /// <summary>Ids of members already welcomed, so a repeated <c>conversationUpdate</c> does not welcome twice.</summary>
    public ImmutableArray<string> WelcomedMembers { get; init; } = [];

    /// <summary>The topic last answered, if any (a follow-up without a subject is read against it).</summary>
    public string? LastTopicId { get; init; }

    /// <summary>
    /// The buttons of the bot's last reply that offered any (a clarify, the fallback menu, an answer's related topics,
    /// a prompt's choices), in order; empty when the last turn offered none. A message that is only a number ("2",
    /// "the second one", "第二个") picks from these. Each button's value is checked again when it is picked, exactly
    /// like a click, so a stale or altered entry cannot do more than a click could.
    /// </summary>
    public ImmutableArray<OfferedButton> OfferedButtons { get; init; } = [];

    /// <summary>
    /// The facts the last typed message stated for each dialog, when that message was answered from the FAQ (not by a
    /// check): a "Check my situation" button of that answer starts its check with them. Empty otherwise; replaced every turn.
    /// </summary>
    public ImmutableArray<StatedFacts> LastStated { get; init; } = [];

    /// <summary>The decision dialog in progress or last finished (kept for "change an answer" and corrections); null when none.</summary>
    public DialogState? Dialog { get; init; }

    /// <summary>True when a decision dialog waits for the user's next message (an answer, or which answer to change).</summary>
    [JsonIgnore]
    public bool InCheck => Dialog?.IsActive == true;
}

/// <summary>Facts a message stated for one dialog (slot id to value id), kept for one turn in <see cref="ConversationState.LastStated"/>.</summary>
/// <param name="DialogId">The dialog.</param>
/// <param name="Facts">Slot id to value id (docs/reply-format.md, decision dialogs).</param>
public sealed record StatedFacts(string DialogId, ImmutableSortedDictionary<string, string> Facts);
