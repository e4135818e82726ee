using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Splits text into comparison tokens for choice phrases: each English (Latin-script) word stemmed, so "customers"
/// matches "customer"; each Chinese ideograph on its own, so a Chinese phrase matches inside unspaced text. Stop
/// words are kept: in answers, "no" and "not" matter.
/// </summary>
internal static class UtteranceTokens
{
    private static readonly EnglishTokenizer English = new();

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
                tokens.Add(English.ToTerm(word.ToString()));
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
