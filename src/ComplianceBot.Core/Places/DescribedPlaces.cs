using System.Collections.Immutable;

namespace ComplianceBot.Core.Places;

/// <summary>
/// Reads a question whose places outside mainland China only describe something ("can i use a hong kong vpn", "用美国的VPN可以吗",
/// "our joint venture in Korea") as the same question without them: such a place is where a VPN or an office is, not
/// where the question is set, so the name alone must not carry the question to that jurisdiction's topic, whose
/// phrasings name places.
/// </summary>
public static class DescribedPlaces
{
    /// <summary>
    /// <paramref name="text"/> without the places outside the mainland that set nothing: a connection tool's place
    /// (<see cref="PlaceMention.DescribesTool"/>), and any other country's place that is someone's or something's or
    /// only named; null when the message sets a place (where the writer is, or where the question is set,
    /// mainland or not) or names no such place.
    /// </summary>
    /// <param name="text">The message as matched (Traditional already converted to Simplified).</param>
    /// <param name="places">The places <see cref="Gazetteer.Read"/> found in <paramref name="text"/>, in order.</param>
    public static string? Without(string text, ImmutableArray<PlaceMention> places)
    {
        if (places.IsDefaultOrEmpty || places.Any(p => p.Role is PlaceRole.Own or PlaceRole.Setting))
        {
            return null;
        }

        // The Hong Kong and Macau topic covers connections with them (a line to a Hong Kong office, a Hong Kong SIM used
        // in Shenzhen), so there only a tool's place is dropped; no other country's topic covers anything of the kind.
        var described = places.Where(p => p.IsOutsideMainland && (p.DescribesTool || p.Jurisdiction == Jurisdiction.Elsewhere)).ToList();
        return described.Count == 0 ? null : described.Aggregate(text, (t, p) =>
            t.Replace(p.Name + "的", " ", StringComparison.Ordinal).Replace(p.Name, " ", StringComparison.Ordinal)); // 用美国的VPN -> 用 VPN
    }
}
