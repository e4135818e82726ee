using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Bot;

/// <summary>Reads the emoji of an emoji-only Teams message from the <c>text/html</c> copy Teams attaches (<c>&lt;img itemtype=".../Emoji" alt="👍"&gt;</c>).</summary>
public static partial class EmojiText
{
    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Image();

    [GeneratedRegex(@"\balt\s*=\s*""(?<alt>[^""]{1,32})""", RegexOptions.IgnoreCase)]
    private static partial Regex Alt();

    [GeneratedRegex(@"<[^>]*>|&nbsp;|\s", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupOrSpace();

    /// <summary>
    /// The emoji named by the alt texts of the Teams emoji images in the <c>text/html</c> attachment, when that copy
    /// holds nothing else (no other text); null otherwise (a message with words, or an ordinary picture).
    /// </summary>
    public static string? InHtmlCopy(IList<Attachment>? attachments)
    {
        var html = attachments?.FirstOrDefault(a => string.Equals(a?.ContentType, "text/html", StringComparison.OrdinalIgnoreCase))?.Content as string;
        if (string.IsNullOrEmpty(html) || html.Length > 4096)
        {
            return null;
        }

        var emoji = new List<string>();
        foreach (Match image in Image().Matches(html))
        {
            if (!image.Value.Contains("emoji", StringComparison.OrdinalIgnoreCase) || Alt().Match(image.Value) is not { Success: true } alt)
            {
                return null; // an image that is not an emoji: a picture, not typed text
            }

            emoji.Add(WebUtility.HtmlDecode(alt.Groups["alt"].Value));
        }

        return emoji.Count > 0 && MarkupOrSpace().Replace(html, string.Empty).Length == 0 ? string.Concat(emoji) : null;
    }
}
