using System.Collections.Immutable;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Places;

/// <summary>
/// Adds what the places of a message say to a dialog's slot reading: the dialog's place slot (<see cref="PlaceSlot"/>)
/// takes the value for the jurisdiction where the user puts themselves ("I'm in Berlin right now", "我在香港"), or,
/// while that slot is asked, of a place named as the answer ("HK", "台北", "in Tokyo"). Someone else's place ("our
/// Guangzhou team", "a client in Berlin") fills nothing. Places of two jurisdictions that give different values make
/// the slot ambiguous, so the check asks.
/// </summary>
public static class PlaceFacts
{
    /// <summary>The reading with the place slot of <paramref name="slot"/>'s dialog filled from <paramref name="places"/>.</summary>
    /// <param name="reading">What the dialog's phrases read from the message.</param>
    /// <param name="slot">The dialog's place slot; null when it has none (the reading is returned as it is).</param>
    /// <param name="places">The places of the message.</param>
    /// <param name="askedSlot">The slot the check asks now; null for a first message.</param>
    public static SlotReading Apply(SlotReading reading, PlaceSlot? slot, ImmutableArray<PlaceMention> places, string? askedSlot)
    {
        if (slot is null || places.IsDefaultOrEmpty)
        {
            return reading;
        }

        var own = places.Where(p => p.OwnLocation).ToList();
        var answering = askedSlot == slot.SlotId;
        var counted = own.Count > 0 ? own
            : answering ? places.Where(p => p.Role is PlaceRole.Setting).ToList()
            : [];
        var values = counted.Select(p => slot.Values[p.Jurisdiction]).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            return reading;
        }

        var filled = new Dictionary<string, string>(reading.Values, StringComparer.Ordinal);
        var ambiguous = new Dictionary<string, IReadOnlyList<string>>(reading.Ambiguous, StringComparer.Ordinal);
        filled.Remove(slot.SlotId);
        ambiguous.Remove(slot.SlotId);
        if (values.Count == 1)
        {
            filled[slot.SlotId] = values[0];
        }
        else
        {
            ambiguous[slot.SlotId] = values;
        }

        var shortAnswer = reading.AskedSlotFromShortAnswer && !(answering && values.Count == 1);
        return reading with { Values = filled, Ambiguous = ambiguous, AskedSlotFromShortAnswer = shortAnswer };
    }
}
