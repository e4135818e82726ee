using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Splits text into comparison tokens for choice phrases: each English (Latin-script) word stemmed, so "customers"
/// matches "customer"; each Chinese ideograph on its own, so a Chinese phrase matches inside unspaced text. Articles
/// and possessive determiners are left out, so "my employees" matches "our employees" and "in the approved scope"
/// matches "in approved scope". Other stop words are kept: in answers, "no" and "not" matter. Negative contractions
/// are spelled out, whatever the apostrophe or without one ("don't", "don’t" and "dont" become "do not"; "won't" "will
/// not"; the chat spellings "dunno" and "idk" "do not know"), and "never" reads as "not", so "we don't charge" matches the phrase "not charging" as "we do not charge" does.
/// </summary>
internal static class UtteranceTokens
{
    private static readonly EnglishTokenizer English = new();

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
        { "a", "an", "the", "my", "our", "your", "their", "his", "her" };

    // The normaliser drops apostrophes inside words, so "don't" arrives as "dont".
    private static readonly Dictionary<string, string[]> Contractions = new(StringComparer.Ordinal)
    {
        ["dont"] = ["do", "not"], ["doesnt"] = ["does", "not"], ["didnt"] = ["did", "not"], ["wont"] = ["will", "not"],
        ["wouldnt"] = ["would", "not"], ["isnt"] = ["is", "not"], ["arent"] = ["are", "not"], ["wasnt"] = ["was", "not"],
        ["werent"] = ["were", "not"], ["cant"] = ["can", "not"], ["cannot"] = ["can", "not"], ["couldnt"] = ["could", "not"],
        ["shouldnt"] = ["should", "not"], ["havent"] = ["have", "not"], ["hasnt"] = ["has", "not"], ["hadnt"] = ["had", "not"],
        ["aint"] = ["not"], ["never"] = ["not"],
        // Chat spellings of "don't know": "dunno, whatever IT put on my laptop" answers "not sure" as "dont know" does.
        ["dunno"] = ["do", "not", "know"], ["donno"] = ["do", "not", "know"], ["idk"] = ["i", "do", "not", "know"],
    };

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
                if (Contractions.TryGetValue(text, out var spelledOut))
                {
                    tokens.AddRange(spelledOut.Select(English.ToTerm));
                }
                else if (!Determiners.Contains(text))
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
