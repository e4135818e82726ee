namespace ComplianceBot.Core.Dialogs;

/// <summary>What one message says about a dialog's slots.</summary>
/// <param name="Values">Slots whose value the message states unambiguously: slot id to value id.</param>
/// <param name="Ambiguous">Slots for which the message names several values: slot id to those value ids.</param>
/// <param name="AskedSlotFromShortAnswer">
/// True when the asked slot's value came only from a short reply ("yes", "nope", a label or a choice number),
/// not from a specific phrase: the message might then be a question rather than an answer.
/// </param>
public sealed record SlotReading(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Ambiguous,
    bool AskedSlotFromShortAnswer)
{
    /// <summary>
    /// Slots that the message mentions only negated, without a value ("not for work" where no value means "not work"):
    /// the message is about the slot, so it is not another question.
    /// </summary>
    public IReadOnlyCollection<string> Negated { get; init; } = [];

    /// <summary>
    /// Slots for which the message gives an answer the sources do not settle (<see cref="DialogSlot.Unsettled"/>) and which
    /// have no <c>unsure</c> value: also listed in <see cref="Ambiguous"/> with all their values, so no value is guessed.
    /// </summary>
    public IReadOnlyCollection<string> Unsettled { get; init; } = [];

    /// <summary>A reading that found nothing.</summary>
    public static SlotReading Nothing { get; } = new(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(), false);

    /// <summary>True when no slot was named at all.</summary>
    public bool IsEmpty => Values.Count == 0 && Ambiguous.Count == 0;
}
