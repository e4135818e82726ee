using System.Text;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Places;

/// <summary>One word of a message as the place reader sees it: an English word (lowercase) or one Chinese ideograph.</summary>
/// <param name="Value">The word, lowercase; one ideograph for Chinese.</param>
/// <param name="Start">Index of its first character in the read text.</param>
/// <param name="End">Index after its last character.</param>
/// <param name="Han">True for an ideograph.</param>
/// <param name="Upper">True for an English word typed all in capitals.</param>
/// <param name="Clause">The number of the clause it is in (clauses end at , ; . ! ? : and their full-width forms).</param>
internal readonly record struct PlaceToken(string Value, int Start, int End, bool Han, bool Upper, int Clause);

/// <summary>How a gazetteer name must be typed to count.</summary>
internal enum PlaceNameKind
{
    /// <summary>A full name or city: anywhere, as whole words.</summary>
    Name,

    /// <summary>An English abbreviation written in capitals in the file ("US"): only typed in capitals.</summary>
    Capitals,

    /// <summary>A Chinese abbreviation ("港"): only as a whole answer or right after a word of place (在, 去, 到 …).</summary>
    ChineseAbbreviation,
}

/// <summary>One name of the index, as tokens.</summary>
internal sealed record PlaceName(string[] Tokens, int Place, PlaceNameKind Kind, string[] NotWithin);

/// <summary>The gazetteer's names by first token, longest first; built once per content load.</summary>
internal sealed class PlaceIndex
{
    private readonly Dictionary<string, PlaceName[]> _byFirst;

    private PlaceIndex(IReadOnlyList<Place> places, Dictionary<string, PlaceName[]> byFirst)
    {
        Places = places;
        _byFirst = byFirst;
    }

    public IReadOnlyList<Place> Places { get; }

    /// <summary>The names starting with <paramref name="token"/>, longest first (for one length, file order).</summary>
    public PlaceName[] StartingWith(string token) => _byFirst.GetValueOrDefault(token) ?? [];

    public static PlaceIndex Build(IReadOnlyList<Place> places)
    {
        var names = new List<PlaceName>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < places.Count; p++)
        {
            var place = places[p];
            foreach (var (text, abbreviation) in place.Names.Select(n => (n, false)).Concat(place.Abbreviations.Select(a => (a, true))))
            {
                var simplified = TraditionalChinese.ToSimplified(text.Trim());
                var tokens = Tokenize(simplified);
                if (tokens.Count == 0 || !seen.Add(string.Join(' ', tokens.Select(t => t.Value)) + (tokens.All(t => t.Upper) ? "#C" : string.Empty)))
                {
                    continue; // a name listed twice (or in Traditional and Simplified) belongs to its first place
                }

                var kind = !abbreviation ? PlaceNameKind.Name
                    : tokens.All(t => t.Han) ? PlaceNameKind.ChineseAbbreviation
                    : tokens.All(t => t.Upper) && text.Any(char.IsAsciiLetterUpper) ? PlaceNameKind.Capitals
                    : PlaceNameKind.Name;
                names.Add(new PlaceName([.. tokens.Select(t => t.Value)], p, kind, [.. place.NotWithin.Select(TraditionalChinese.ToSimplified).Where(w => w.Contains(simplified, StringComparison.Ordinal) && w != simplified)]));
            }
        }

        var byFirst = names.GroupBy(n => n.Tokens[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Tokens.Length).ToArray(), StringComparer.Ordinal);
        return new PlaceIndex(places, byFirst);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into English words (letters and digits; an apostrophe inside a word is dropped,
    /// a final 's with it) and single ideographs, numbering clauses.
    /// </summary>
    public static List<PlaceToken> Tokenize(string text)
    {
        var tokens = new List<PlaceToken>();
        var clause = 0;
        var word = new StringBuilder();
        var wordStart = 0;
        var upper = true;

        void EndWord(int end)
        {
            if (word.Length > 0)
            {
                tokens.Add(new PlaceToken(word.ToString().ToLowerInvariant(), wordStart, end, false, upper, clause));
                word.Clear();
            }

            upper = true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var surrogateHan = char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (Scripts.IsHan(ch) || surrogateHan)
            {
                EndWord(i);
                var length = surrogateHan ? 2 : 1;
                tokens.Add(new PlaceToken(text.Substring(i, length), i, i + length, true, false, clause));
                i += length - 1;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                if (word.Length == 0)
                {
                    wordStart = i;
                }

                word.Append(ch);
                upper &= !char.IsLetter(ch) || char.IsUpper(ch);
            }
            else if (ch is '\'' or '\u2019' && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if (text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
                {
                    EndWord(i);
                    i++; // "japan's" -> "japan"
                }
            }
            else
            {
                EndWord(i);
                if (IsClauseBreak(text, i, tokens))
                {
                    clause++;
                }
            }
        }

        EndWord(text.Length);
        return tokens;
    }

    // A full stop after a single letter ("U.S.", "u.a.e.") is part of an abbreviation, not the end of a clause.
    private static bool IsClauseBreak(string text, int i, List<PlaceToken> tokens) => text[i] switch
    {
        ',' or ';' or '!' or '?' or ':' or '\n' or '，' or '；' or '。' or '！' or '？' or '：' or '、' => true,
        '.' => tokens.Count == 0 || tokens[^1].End != i || tokens[^1].Value.Length > 1,
        _ => false,
    };
}
