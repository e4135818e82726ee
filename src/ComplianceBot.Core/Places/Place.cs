namespace ComplianceBot.Core.Places;

/// <summary>One place of the gazetteer (<c>knowledge/places.yaml</c>): a country or region with its names and main cities.</summary>
/// <param name="Id">Stable id, e.g. <c>hong-kong</c>.</param>
/// <param name="Jurisdiction">Whose rules govern it.</param>
/// <param name="Names">Full names and city names, English and Chinese (Simplified and Traditional).</param>
/// <param name="Abbreviations">
/// Abbreviations ("hk", "US", "港"): English ones match as whole words (one written in capitals only when typed in
/// capitals); Chinese ones only as a whole answer or right after a word of place (在, 去, 到 …).
/// </param>
public sealed record Place(string Id, Jurisdiction Jurisdiction, IReadOnlyList<string> Names, IReadOnlyList<string> Abbreviations)
{
    /// <summary>Chinese words that contain one of the names but do not name the place ("合法国际" holds 法国, France); empty when none.</summary>
    public IReadOnlyList<string> NotWithin { get; init; } = [];
}

/// <summary>
/// A dialog slot that says where the user is or goes (<c>places.yaml</c>, <c>place_slots</c>): a place the user puts
/// themselves in, or names as the answer to this slot, fills it with the value for the place's jurisdiction.
/// </summary>
/// <param name="DialogId">The dialog, e.g. <c>travel-check</c>.</param>
/// <param name="SlotId">The slot, e.g. <c>destination</c>.</param>
/// <param name="Values">The slot's value id for each jurisdiction (all four present).</param>
public sealed record PlaceSlot(string DialogId, string SlotId, IReadOnlyDictionary<Jurisdiction, string> Values);
