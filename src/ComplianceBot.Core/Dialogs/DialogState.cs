namespace ComplianceBot.Core.Dialogs;

/// <summary>Where a decision dialog stands.</summary>
public enum DialogPhase
{
    /// <summary>Waiting for the answer to <see cref="DialogState.AskedSlot"/>.</summary>
    Asking,

    /// <summary>After a verdict, waiting for the user to pick which answer to change.</summary>
    ChoosingChange,

    /// <summary>A verdict was given; the facts are kept for "change an answer" and "start over".</summary>
    Finished,
}

/// <summary>
/// The state of one decision dialog in a conversation. Plain, JSON-serialisable data: the host stores it in Bot
/// Framework <c>ConversationState</c> as part of <see cref="Conversation.ConversationData"/>. The dialog id, its
/// content version and this class's schema version are checked on every turn, so state written for a dialog that
/// was since changed or removed restarts or ends the check instead of being misread.
/// </summary>
public sealed class DialogState
{
    /// <summary>The schema version this code writes; state with another schema version restarts the check.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version of this object. Default <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>The dialog id, e.g. <c>travel-check</c>.</summary>
    public string DialogId { get; set; } = string.Empty;

    /// <summary>The dialog's content <c>version</c> when the check started.</summary>
    public int DialogVersion { get; set; }

    /// <summary>The dialog's title when it started (in the user's language), for messages after it was removed.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Where the dialog stands.</summary>
    public DialogPhase Phase { get; set; }

    /// <summary>The facts known: slot id to value id.</summary>
    public Dictionary<string, string> Facts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Slot ids in the order their facts became known (for "back").</summary>
    public List<string> FilledOrder { get; set; } = [];

    /// <summary>The slot being asked for while <see cref="Phase"/> is <see cref="DialogPhase.Asking"/>; otherwise null.</summary>
    public string? AskedSlot { get; set; }

    /// <summary>When the user is changing an answer after a verdict: the value it had before; otherwise null.</summary>
    public string? PreviousValue { get; set; }

    /// <summary>Consecutive messages that could not be read as an answer to the current question.</summary>
    public int Failures { get; set; }

    /// <summary>The last verdict id given, if any.</summary>
    public string? Verdict { get; set; }

    /// <summary>The id of the rule that gave <see cref="Verdict"/>, if any.</summary>
    public string? RuleId { get; set; }

    /// <summary>
    /// The <see cref="Conversation.ConversationData.Turn"/> in which the verdict (or its reason, "why") was last shown:
    /// "why" explains the verdict again only in the very next turn. 0 when none.
    /// </summary>
    public int VerdictTurn { get; set; }

    /// <summary>True while the dialog expects the user's next message (asking a slot or which answer to change).</summary>
    public bool IsActive => Phase is DialogPhase.Asking or DialogPhase.ChoosingChange;
}
