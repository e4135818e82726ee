namespace ComplianceBot.Core.Places;

/// <summary>Whose rules govern a place, as far as this bot is concerned (the place gazetteer's values).</summary>
public enum Jurisdiction
{
    /// <summary>Mainland China: the rules this bot knows.</summary>
    MainlandChina,

    /// <summary>Hong Kong or Macau: their own legal systems (topic <c>hong-kong-macau</c>).</summary>
    HongKongMacau,

    /// <summary>Taiwan: not governed by the mainland rules this bot knows.</summary>
    Taiwan,

    /// <summary>Any other country or place (topic <c>other-jurisdictions</c>).</summary>
    Elsewhere,
}

/// <summary>A place named in a message.</summary>
/// <param name="PlaceId">The gazetteer id of the place, e.g. <c>hong-kong</c>.</param>
/// <param name="Name">The words of the message that named it, e.g. <c>HK</c>.</param>
/// <param name="Jurisdiction">Whose rules govern it.</param>
/// <param name="OwnLocation">
/// True when the message places the writer there (where they are, live, work or go: "I'm in Tokyo", "flying to
/// Beijing"); false when the place is only named ("our Guangzhou team", "a client in Berlin").
/// </param>
public sealed record PlaceMention(string PlaceId, string Name, Jurisdiction Jurisdiction, bool OwnLocation);
