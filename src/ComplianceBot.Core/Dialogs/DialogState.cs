using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ComplianceBot.Core.Dialogs;

/// <summary>Where a decision dialog stands.</summary>
public enum DialogPhase
{
    /// <summary>Waiting for the answer to <see cref="DialogState.AskedSlot"/>.</summary>
    Asking,

    /// <summary>After a verdict, waiting for the user to pick which answer to change.</summary>
    ChoosingChange,

    /// <summary>A verdict was given; the facts are kept for "change an answer", corrections and "start over".</summary>
    Finished,
}

/// <summary>
/// The state of one decision dialog in a conversation: an immutable value inside
/// <see cref="Conversation.ConversationState"/>, replaced (never changed) when the dialog moves on. The dialog id, its
/// content version and this record's schema version are checked on every turn (<see cref="DialogEngine"/>), so state
/// written for a dialog that was since changed or removed restarts or ends the check instead of being misread.
/// </summary>
public sealed record DialogState
{
    /// <summary>The schema version this code writes; state with another schema version restarts the check. 1.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version of this object. Default <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The dialog id, e.g. <c>travel-check</c>.</summary>
    public string DialogId { get; init; } = string.Empty;

    /// <summary>The dialog's content <c>version</c> when the check started.</summary>
    public int DialogVersion { get; init; }

    /// <summary>The dialog's title when it started (in the user's language), for messages after it was removed.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Where the dialog stands.</summary>
    public DialogPhase Phase { get; init; }

    /// <summary>The facts known: slot id to value id (<c>docs/reply-format.md</c>, "Decision dialogs"), in slot id order.</summary>
    public ImmutableSortedDictionary<string, string> Facts { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Slot ids in the order their facts became known (for "back").</summary>
    public ImmutableArray<string> FilledOrder { get; init; } = [];

    /// <summary>The slot being asked for while <see cref="Phase"/> is <see cref="DialogPhase.Asking"/>; otherwise null.</summary>
    public string? AskedSlot { get; init; }

    /// <summary>When the user is changing an answer after a verdict: the value it had before; otherwise null.</summary>
    public string? PreviousValue { get; init; }

    /// <summary>Consecutive messages that could not be read as an answer to the current question.</summary>
    public int Failures { get; init; }

    /// <summary>The last verdict id given, if any.</summary>
    public string? Verdict { get; init; }

    /// <summary>The id of the rule that gave <see cref="Verdict"/>, if any.</summary>
    public string? RuleId { get; init; }

    /// <summary>
    /// The <see cref="Conversation.ConversationState.Turn"/> in which the verdict (or its reason, "why") was last shown:
    /// "why" explains the verdict again only in the very next turn. 0 when none.
    /// </summary>
    public int VerdictTurn { get; init; }

    /// <summary>True while the dialog expects the user's next message (asking a slot or which answer to change).</summary>
    [JsonIgnore]
    public bool IsActive => Phase is DialogPhase.Asking or DialogPhase.ChoosingChange;

    /// <summary>This state with <paramref name="slot"/> set to <paramref name="value"/>, moved to the end of <see cref="FilledOrder"/>.</summary>
    public DialogState Fill(string slot, string value) => this with
    {
        Facts = Facts.SetItem(slot, value),
        FilledOrder = FilledOrder.Remove(slot).Add(slot),
    };

    /// <summary>This state without the fact for <paramref name="slot"/>.</summary>
    public DialogState Forget(string slot) => this with { Facts = Facts.Remove(slot), FilledOrder = FilledOrder.Remove(slot) };
}
