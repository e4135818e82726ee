using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Splits text into comparison tokens for choice phrases: each English (Latin-script) word stemmed, so "customers"
/// matches "customer"; each Chinese ideograph on its own, so a Chinese phrase matches inside unspaced text. Articles
/// and possessive determiners are left out, so "my employees" matches "our employees" and "in the approved scope"
/// matches "in approved scope". Other stop words are kept: in answers, "no" and "not" matter.
/// </summary>
internal static class UtteranceTokens
{
    private static readonly EnglishTokenizer English = new();

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
        { "a", "an", "the", "my", "our", "your", "their", "his", "her" };

    /// <summary>The tokens of <paramref name="text"/> after <see cref="TextNormalizer.Normalize"/>.</summary>
    public static string[] Of(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var tokens = new List<string>();
        var word = new System.Text.StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                var text = word.ToString();
                if (!Determiners.Contains(text))
                {
                    tokens.Add(English.ToTerm(text));
                }

                word.Clear();
            }
        }

        foreach (var ch in normalized)
        {
            if (ch == ' ')
            {
                Flush();
            }
            else if (Scripts.IsHan(ch))
            {
                Flush();
                tokens.Add(ch.ToString());
            }
            else
            {
                word.Append(ch);
            }
        }

        Flush();
        return tokens.ToArray();
    }
}
