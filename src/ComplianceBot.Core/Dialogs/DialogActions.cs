using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// The button values of decision dialogs (the data a button posts back). A choice is
/// <c>{"slot": "&lt;slot id&gt;", "choice": "&lt;value id&gt;"}</c> (<c>docs/reply-format.md</c>, "Buttons and what they post"); dialog controls are
/// <c>{"dialog": "&lt;id&gt;", "action": "change|restart|cancel|handoff"}</c> and, to pick the answer to change,
/// <c>{"dialog": "&lt;id&gt;", "change": "&lt;slot id&gt;"}</c>.
/// </summary>
public static class DialogActions
{
    /// <summary>Key of the slot id in a choice button's value.</summary>
    public const string SlotKey = "slot";

    /// <summary>Key of the value id in a choice button's value.</summary>
    public const string ChoiceKey = "choice";

    /// <summary>Key of the dialog id in a control button's value.</summary>
    public const string DialogKey = "dialog";

    /// <summary>Key of the control action (<see cref="Change"/>, <see cref="Restart"/>, <see cref="Cancel"/>, <see cref="Handoff"/>).</summary>
    public const string ActionKey = "action";

    /// <summary>Key of the slot to change after a verdict.</summary>
    public const string ChangeKey = "change";

    /// <summary>Key of a button that starts a dialog (<c>docs/reply-format.md</c>, "Buttons and what they post").</summary>
    public const string StartKey = "start";

    /// <summary>Action: pick an answer to change and re-evaluate.</summary>
    public const string Change = "change";

    /// <summary>Action: forget the answers and start the dialog again.</summary>
    public const string Restart = "restart";

    /// <summary>Action: end the dialog.</summary>
    public const string Cancel = "cancel";

    /// <summary>Action: end the dialog and tell the user how to reach the compliance team.</summary>
    public const string Handoff = "handoff";

    /// <summary>A button that answers <paramref name="slot"/> with <paramref name="choice"/>.</summary>
    public static ReplyAction Choice(string title, string slot, string choice) =>
        new(title, new Dictionary<string, string> { [SlotKey] = slot, [ChoiceKey] = choice });

    /// <summary>A control button of dialog <paramref name="dialogId"/>.</summary>
    public static ReplyAction Control(string title, string dialogId, string action) =>
        new(title, new Dictionary<string, string> { [DialogKey] = dialogId, [ActionKey] = action });

    /// <summary>A button that picks <paramref name="slot"/> as the answer to change.</summary>
    public static ReplyAction ChangeSlot(string title, string dialogId, string slot) =>
        new(title, new Dictionary<string, string> { [DialogKey] = dialogId, [ChangeKey] = slot });
}
