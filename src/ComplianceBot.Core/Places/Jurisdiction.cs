namespace ComplianceBot.Core.Places;

/// <summary>Whose rules govern a place, as far as this bot is concerned (the place gazetteer's values).</summary>
public enum Jurisdiction
{
    /// <summary>Mainland China: the rules this bot knows (<c>mainland-china</c>).</summary>
    MainlandChina,

    /// <summary>Hong Kong or Macau: their own legal systems (<c>hong-kong-macau</c>, topic <c>hong-kong-macau</c>).</summary>
    HongKongMacau,

    /// <summary>Taiwan: not governed by the mainland rules this bot knows (<c>taiwan</c>).</summary>
    Taiwan,

    /// <summary>Any other country or place (<c>elsewhere</c>, topic <c>other-jurisdictions</c>).</summary>
    Elsewhere,
}

/// <summary>What a message says about a place it names.</summary>
public enum PlaceRole
{
    /// <summary>Only named, with no role the bot reads (an origin, "from Germany"; a negated one, "I'm not in China").</summary>
    Named,

    /// <summary>Where the question is set: "is a VPN legal in the UAE", "在日本用VPN合法吗", "Hong Kong law", a bare "HK?".</summary>
    Setting,

    /// <summary>Where the writer is, lives, works or goes: "I'm in Tokyo", "flying to Beijing", "我在香港", "下周去台北".</summary>
    Own,

    /// <summary>Where someone or something else is: "our Guangzhou team", "a client in Berlin", "a Hong Kong SIM", "US servers".</summary>
    ThirdParty,
}

/// <summary>Content ids of <see cref="Jurisdiction"/> as written in <c>knowledge/places.yaml</c>.</summary>
public static class JurisdictionIds
{
    /// <summary>The content id of <paramref name="jurisdiction"/>: <c>mainland-china</c>, <c>hong-kong-macau</c>, <c>taiwan</c> or <c>elsewhere</c>.</summary>
    public static string ToId(this Jurisdiction jurisdiction) => jurisdiction switch
    {
        Jurisdiction.MainlandChina => "mainland-china",
        Jurisdiction.HongKongMacau => "hong-kong-macau",
        Jurisdiction.Taiwan => "taiwan",
        _ => "elsewhere",
    };

    /// <summary>Parses a content id; null for anything else.</summary>
    public static Jurisdiction? FromId(string? id) => id switch
    {
        "mainland-china" => Jurisdiction.MainlandChina,
        "hong-kong-macau" => Jurisdiction.HongKongMacau,
        "taiwan" => Jurisdiction.Taiwan,
        "elsewhere" => Jurisdiction.Elsewhere,
        _ => null,
    };
}

/// <summary>A place named in a message.</summary>
/// <param name="PlaceId">The gazetteer id of the place, e.g. <c>hong-kong</c> (a city gives its country's or region's id).</param>
/// <param name="Name">The words of the message that named it, e.g. <c>HK</c>.</param>
/// <param name="Jurisdiction">Whose rules govern it.</param>
/// <param name="OwnLocation">
/// True when the message places the writer there (where they are, live, work or go: "I'm in Tokyo", "flying to
/// Beijing"); false when the place is only named ("our Guangzhou team", "a client in Berlin").
/// </param>
public sealed record PlaceMention(string PlaceId, string Name, Jurisdiction Jurisdiction, bool OwnLocation)
{
    /// <summary>What the message says about the place; <see cref="PlaceRole.Own"/> exactly when <see cref="OwnLocation"/>.</summary>
    public PlaceRole Role { get; init; } = OwnLocation ? PlaceRole.Own : PlaceRole.Named;

    /// <summary>
    /// True when the place only says where a connection tool is ("a Hong Kong VPN", "用美国的VPN"): neither the writer's
    /// place nor where the question is set, and no party to a connection either (<see cref="Role"/> is
    /// <see cref="PlaceRole.ThirdParty"/>).
    /// </summary>
    public bool DescribesTool { get; init; }

    /// <summary>True for a place outside mainland China.</summary>
    public bool IsOutsideMainland => Jurisdiction != Jurisdiction.MainlandChina;
}
