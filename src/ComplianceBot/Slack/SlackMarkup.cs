using System.Text.RegularExpressions;

namespace ComplianceBot.Slack;

/// <summary>
/// Turns the text of a Slack message (Slack's markup) into the plain words the matcher should see: the bot's own
/// <c>&lt;@U…&gt;</c> mention removed, other user mentions reduced to <c>@name</c> when Slack gives a name (dropped
/// otherwise), <c>&lt;#C…|general&gt;</c> to <c>#general</c>, <c>&lt;!here&gt;</c>-style broadcasts dropped, links
/// to their label (or their address when unlabelled), and Slack's three escapes (<c>&amp;amp;</c>, <c>&amp;lt;</c>,
/// <c>&amp;gt;</c>) decoded. Whitespace runs become one space.
/// </summary>
public static partial class SlackMarkup
{
    [GeneratedRegex(@"<([^<>]*)>")]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The plain text of <paramref name="text"/>; empty for null.</summary>
    /// <param name="text">Slack message text as delivered by the Events API.</param>
    /// <param name="botUserId">The bot's user id, whose mentions are removed; null or empty to remove none.</param>
    public static string ToPlainText(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var plain = Token().Replace(text, match => Replace(match.Groups[1].Value, botUserId));
        plain = plain.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
        return Whitespace().Replace(plain, " ").Trim();
    }

    private static string Replace(string token, string? botUserId)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? token : token[..bar];
        var label = bar < 0 ? null : token[(bar + 1)..];
        switch (target.FirstOrDefault())
        {
            case '@':
                if (!string.IsNullOrEmpty(botUserId) && string.Equals(target[1..], botUserId, StringComparison.Ordinal))
                {
                    return " ";
                }

                return string.IsNullOrWhiteSpace(label) ? " " : " @" + label.TrimStart('@') + " ";
            case '#':
                return string.IsNullOrWhiteSpace(label) ? " " : " #" + label.TrimStart('#') + " ";
            case '!':
                // <!here>, <!channel>, <!everyone> are broadcasts; <!subteam^S1|@team> and <!date^…|fallback> keep their label.
                return string.IsNullOrWhiteSpace(label) ? " " : " " + label + " ";
            default:
                if (!string.IsNullOrWhiteSpace(label))
                {
                    return label;
                }

                return target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? target["mailto:".Length..] : target;
        }
    }
}
