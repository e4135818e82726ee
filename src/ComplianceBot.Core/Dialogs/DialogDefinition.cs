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
public sealed record DialogDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    LocalizedText? Intro,
    LocalizedList Triggers,
    IReadOnlyList<DialogSlot> Slots,
    IReadOnlyList<DialogRule> Rules,
    LocalizedList? SituationCues = null)
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
