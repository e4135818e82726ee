using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Turns what a person typed, in whatever channel markup it arrived, into plain comparable text: lowercase words
/// separated by single spaces, CJK ideographs kept as they are.
/// </summary>
/// <remarks>
/// In order: HTML entities decoded (twice, for double-escaped Teams text); Teams mention elements
/// (<c>&lt;at&gt;…&lt;/at&gt;</c>) removed; other HTML tags removed; Unicode NFKC (full-width letters, digits and
/// punctuation become ASCII); lowercase (invariant); a final <c>'s</c> dropped (<c>company's</c> → <c>company</c>) and
/// other apostrophes inside words removed (<c>don't</c> → <c>dont</c>);
/// every other punctuation mark, symbol, emoji, dash, quote, and every Unicode space or invisible character
/// (including U+00A0, U+3000, U+200B) becomes one space; runs of spaces collapse.
/// </remarks>
public static partial class TextNormalizer
{
    [GeneratedRegex(@"<at\b[^>]*>.*?</at\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();

    /// <summary>Normalises <paramref name="text"/>; null, empty or markup-only input gives the empty string.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decoded = text.Contains('&') ? WebUtility.HtmlDecode(WebUtility.HtmlDecode(text)) : text;
        if (decoded.Contains('<'))
        {
            decoded = Tag().Replace(Mention().Replace(decoded, " "), " ");
        }

        decoded = decoded.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        for (var i = 0; i < decoded.Length; i++)
        {
            var ch = decoded[i];
            if (char.IsLetterOrDigit(ch) || IsCombiningMark(ch))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (IsApostrophe(ch) && builder.Length > 0 && !pendingSpace
                     && i + 1 < decoded.Length && char.IsLetter(decoded[i + 1]))
            {
                if (char.ToLowerInvariant(decoded[i + 1]) == 's' && (i + 2 == decoded.Length || !char.IsLetter(decoded[i + 2])))
                {
                    i++; // possessive or "is": "company's" -> "company", "what's" -> "what"
                }

                // otherwise keep the word whole: "don't" -> "dont"
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static bool IsApostrophe(char ch) => ch is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsCombiningMark(char ch) =>
        CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
