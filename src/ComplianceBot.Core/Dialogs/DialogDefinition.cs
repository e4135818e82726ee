using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// A decision dialog (file <c>dialogs/&lt;id&gt;.yaml</c>): the facts it asks for and the ordered rules that turn them
/// into a verdict. Dialog, slot, value and verdict ids never change meaning (<c>docs/reply-format.md</c>, "Decision dialogs"). Immutable.
/// </summary>
/// <param name="Id">Dialog id, e.g. <c>personal-vpn-check</c>.</param>
/// <param name="Version">Content version, bumped by authors on each edit; a conversation started on another version restarts.</param>
/// <param name="Title">Short title, e.g. "Can I use this VPN?".</param>
/// <param name="Intro">One or two sentences shown when the dialog starts, or <see langword="null"/>.</param>
/// <param name="Triggers">Utterances that should start this dialog (indexed by the matcher as <c>dialog:&lt;id&gt;</c>).</param>
/// <param name="Slots">The facts, in ask order.</param>
/// <param name="Rules">The decision table, tried top to bottom; the first rule that holds decides.</param>
/// <param name="SituationCues">
/// Words one of which a message describing a situation must contain to start this dialog from the facts it states
/// (e.g. a trip for <c>travel-check</c>: "I'm in Shanghai" is where someone is, not where they are going); empty (or
/// <see langword="null"/>) when the facts alone are enough. Triggers and buttons start the dialog regardless.
/// </param>
/// <param name="CheckRequests">
/// Phrases with which someone asks to have their own case checked ("help me decide", "check if we can", "帮我判断",
/// "is my vpn ok"): a message with one starts this dialog from the facts it states, even a question, when this dialog
/// fits the message best (the most request phrases and facts). Empty (or <see langword="null"/>) when none.
/// </param>
/// <param name="SituationSlots">
/// Slots that make a question about the writer's own case (or their organisation's: "can our sister company use our
/// MPLS line?") a situation to check rather than a general question, when it states one of them and at least one more
/// fact. Empty (or <see langword="null"/>) when questions never start this dialog from their facts.
/// </param>
/// <param name="SituationOf">Whose case the dialog checks: a question about the writer's own case starts it only when it speaks of that (I/my for a person, we/our for an organisation).</param>
public sealed record DialogDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    LocalizedText? Intro,
    LocalizedList Triggers,
    IReadOnlyList<DialogSlot> Slots,
    IReadOnlyList<DialogRule> Rules,
    LocalizedList? SituationCues = null,
    LocalizedList? CheckRequests = null,
    IReadOnlyList<string>? SituationSlots = null,
    SituationOf SituationOf = SituationOf.Any)
{
    /// <summary>Prefix of a dialog's id among match targets and in reply values: <c>dialog:&lt;id&gt;</c>.</summary>
    public const string TargetPrefix = "dialog:";

    /// <summary>The match target id of this dialog, <c>dialog:&lt;id&gt;</c>.</summary>
    public string TargetId => TargetPrefix + Id;

    /// <summary>The slot with id <paramref name="slotId"/>, or <see langword="null"/>.</summary>
    public DialogSlot? FindSlot(string? slotId) => Slots.FirstOrDefault(s => string.Equals(s.Id, slotId, StringComparison.Ordinal));

    /// <summary>The position of <paramref name="slotId"/> in <see cref="Slots"/>, or <see cref="int.MaxValue"/> when unknown.</summary>
    public int SlotOrder(string slotId)
    {
        for (var i = 0; i < Slots.Count; i++)
        {
            if (Slots[i].Id == slotId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The matcher target of this dialog: its trigger phrasings and titles in both languages.</summary>
    public MatchTarget ToMatchTarget() => new(TargetId,
        Triggers.All.Append(Title.En).Concat(Title.Zh is null ? [] : [Title.Zh]).ToList());
}

/// <summary>Whose case a decision dialog checks (dialog YAML <c>situation_of</c>).</summary>
public enum SituationOf
{
    /// <summary>Anyone's: not declared.</summary>
    Any,

    /// <summary>A person's own case ("I", "my", "我").</summary>
    Person,

    /// <summary>An organisation's case ("we", "our", "我们").</summary>
    Organisation,
}
