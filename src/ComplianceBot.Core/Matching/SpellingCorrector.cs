using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Corrects a misspelt word to a word of the index vocabulary at edit distance 1 (insertion, deletion,
/// substitution or transposition of adjacent letters), using symmetric single-character deletions
/// (the SymSpell idea): a lookup costs one hash probe per letter of the word, whatever the vocabulary size.
/// </summary>
public sealed class SpellingCorrector
{
    /// <summary>Words shorter than this are never corrected (too many near neighbours).</summary>
    public const int MinLength = 3;

    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);
    private readonly int _longestWord;

    /// <summary>Builds the corrector from vocabulary words and how often each occurs in the index.</summary>
    public SpellingCorrector(IReadOnlyDictionary<string, int> vocabulary)
    {
        _frequency = new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        _longestWord = _frequency.Keys.Select(w => w.Length).DefaultIfEmpty(0).Max();
        foreach (var word in _frequency.Keys)
        {
            if (word.Length < MinLength)
            {
                continue;
            }

            Add(word, word);
            foreach (var deletion in Deletions(word))
            {
                Add(deletion, word);
            }
        }
    }

    /// <summary>
    /// The vocabulary word closest to <paramref name="word"/> (distance 1; ties go to the more frequent word, then
    /// the alphabetically first), or <see langword="null"/> when none is that close or the word is already known.
    /// A word longer than the longest vocabulary word plus one cannot be that close and is not looked up, so the cost
    /// (one probe per letter, each the length of the word) is bounded by the vocabulary, whatever the length of the word.
    /// </summary>
    public string? Correct(string word)
    {
        if (word.Length < MinLength || word.Length > _longestWord + 1 || _frequency.ContainsKey(word))
        {
            return null;
        }

        WorkMeter.Add(word.Length * (word.Length + 1L));

        string? best = null;
        var bestFrequency = -1;
        void Consider(string key)
        {
            if (!_deletes.TryGetValue(key, out var candidates))
            {
                return;
            }

            foreach (var candidate in candidates)
            {
                if (Distance(word, candidate) != 1)
                {
                    continue;
                }

                var frequency = _frequency[candidate];
                if (frequency > bestFrequency || (frequency == bestFrequency && string.CompareOrdinal(candidate, best) < 0))
                {
                    (best, bestFrequency) = (candidate, frequency);
                }
            }
        }

        Consider(word);
        foreach (var deletion in Deletions(word))
        {
            Consider(deletion);
        }

        return best;
    }

    private void Add(string key, string word)
    {
        if (!_deletes.TryGetValue(key, out var list))
        {
            _deletes[key] = list = [];
        }

        if (!list.Contains(word))
        {
            list.Add(word);
        }
    }

    private static IEnumerable<string> Deletions(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transposition), capped at 2.</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var rows = new int[3, b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var cur = i % 3;
            var prev = (i - 1) % 3;
            var prev2 = (i - 2 + 3) % 3;
            rows[cur, 0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[prev, j] + 1, rows[cur, j - 1] + 1), rows[prev, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[prev2, j - 2] + 1);
                }

                rows[cur, j] = value;
            }
        }

        return Math.Min(rows[a.Length % 3, b.Length], 2);
    }
}
