using ComplianceBot.Core.Knowledge;

namespace ComplianceBot.Core.Dialogs;

/// <summary>One value a slot can take (a value id of <c>docs/reply-format.md</c>, "Decision dialogs") and how people say it.</summary>
/// <param name="Value">Value id, e.g. <c>licensed-operator</c>; fixed by the contract.</param>
/// <param name="Label">Short label shown on the button and in the verdict's facts.</param>
/// <param name="Synonyms">
/// Phrases that identify this value anywhere in a message (the first utterance or any answer), e.g. "paid vpn".
/// </param>
/// <param name="Answers">
/// Short replies that mean this value only as the answer to this slot's question, e.g. "yes", "nope", "not sure".
/// </param>
public sealed record SlotChoice(string Value, LocalizedText Label, LocalizedList Synonyms, LocalizedList Answers);

/// <summary>A fact a decision dialog may ask for, with its question and choices (file order is ask order).</summary>
/// <param name="Id">Slot id, e.g. <c>provider</c>; fixed by the contract.</param>
/// <param name="Label">What the fact is, shown in the verdict's facts, e.g. "Service you use".</param>
/// <param name="Question">The question asked for it.</param>
/// <param name="Why">Why the question matters (shown for "why"/"help").</param>
/// <param name="Choices">The values the slot can take, in the order offered; at least two.</param>
public sealed record DialogSlot(string Id, LocalizedText Label, LocalizedText Question, LocalizedText Why, IReadOnlyList<SlotChoice> Choices)
{
    /// <summary>
    /// One line in plain words on how someone who cannot answer the question finds out (whom to ask, where to look),
    /// e.g. "Ask IT: are you on the approved list for the China line?"; shown under the question and with "why".
    /// <see langword="null"/> when the file gives none (key <c>how_to_find_out</c> in dialogs/*.yaml).
    /// </summary>
    public LocalizedText? HowToFindOut { get; init; }

    /// <summary>
    /// Answers the sources do not settle (e.g. "they pay a share of the cost" for a charge: an intercompany recharge),
    /// which count anywhere in a message like synonyms but name no value: the slot takes its <c>unsure</c> value where it
    /// has one, and otherwise is asked again with the compliance team offered, never guessed (key <c>unsettled</c>).
    /// </summary>
    public LocalizedList Unsettled { get; init; } = LocalizedList.Empty;

    /// <summary>The choice with value id <paramref name="value"/>, or <see langword="null"/>.</summary>
    public SlotChoice? FindChoice(string? value) => Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal));
}
