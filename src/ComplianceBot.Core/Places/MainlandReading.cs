using System.Collections.Immutable;
using System.Text;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Places;

/// <summary>
/// Reads a question set in a mainland city or province as a question set in mainland China: "上海能用VPN吗" is asked
/// like "中国能用VPN吗", "is a VPN legal in Shenzhen" like "is a VPN legal in China". Topic phrasings name mainland
/// cities too (a line from Guangzhou to Hong Kong, a Hong Kong SIM used in Shenzhen), so a city alone must not carry a
/// question to the topic of another jurisdiction.
/// </summary>
public static class MainlandReading
{
    /// <summary>
    /// <paramref name="text"/> with each mainland place where the question is set or the writer is replaced by
    /// "China" (or "中国" for a Chinese name); null when nothing is replaced: the message names no such mainland place,
    /// or names any place outside the mainland (then its jurisdiction matters and the message is read as typed).
    /// </summary>
    /// <param name="text">The message as matched (Traditional already converted to Simplified).</param>
    /// <param name="places">The places <see cref="Gazetteer.Read"/> found in <paramref name="text"/>, in order.</param>
    public static string? AsMainland(string text, ImmutableArray<PlaceMention> places)
    {
        if (places.IsDefaultOrEmpty || places.Any(p => p.IsOutsideMainland))
        {
            return null;
        }

        var mainland = places.Where(p => p.Role is PlaceRole.Own or PlaceRole.Setting).ToList();
        if (mainland.Count == 0)
        {
            return null;
        }

        var result = new StringBuilder(text.Length + 8);
        var at = 0;
        var changed = false;
        foreach (var place in mainland)
        {
            var index = text.IndexOf(place.Name, at, StringComparison.Ordinal);
            if (index < 0)
            {
                continue;
            }

            var china = Scripts.IsHan(place.Name[0]) ? "中国" : "China";
            changed |= !place.Name.Equals(china, StringComparison.OrdinalIgnoreCase);
            result.Append(text, at, index - at).Append(china);
            at = index + place.Name.Length;
        }

        return !changed ? null : result.Append(text, at, text.Length - at).ToString();
    }
}
