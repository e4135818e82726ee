using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Warns when the same or nearly the same phrasing is listed under two owners (topics, dialog triggers, out-of-scope
/// groups): the matcher then cannot tell which is meant and the question flips between them. Phrasings are compared after <see cref="TextNormalizer"/>
/// (case, punctuation, full-width forms) with FuzzySharp's ratio; one warning per phrasing, at the later one in
/// file order, naming both topics and files.
/// </summary>
/// <remarks>
/// Runs on every load, so it must stay fast with thousands of phrasings: pairs are only scored when their lengths
/// and their character pairs could reach <see cref="NearlySameRatio"/> at all. FuzzySharp's ratio is
/// 1 - d / total length, where d is the insert/delete distance; d is at least the length difference, and (q-gram
/// lemma) two strings within edit distance k ≤ d share at least max length - 1 - 2k character pairs (bigrams).
/// </remarks>
internal static class PhrasingCollisionCheck
{
    /// <summary>FuzzySharp ratio (0-100) from which two phrasings count as nearly the same.</summary>
    public const int NearlySameRatio = 92;

    // Slightly looser than the ratio itself (which FuzzySharp rounds), so the cheap filters never drop a real match.
    private const double MaxDistanceShare = 1 - (NearlySameRatio - 1) / 100.0;

    /// <summary>Adds a warning for each phrasing that collides with one of another owner listed before it.</summary>
    /// <param name="topics">Parsed topic files.</param>
    /// <param name="outOfScope">Parsed <c>out-of-scope.yaml</c>, if any (compared after the topics).</param>
    /// <param name="dialogs">Parsed dialog files, whose triggers are compared last.</param>
    /// <param name="messages">Where the warnings go.</param>
    public static void Check(IReadOnlyList<ParsedFile<TopicDto>> topics, ParsedFile<OutOfScopeDto>? outOfScope,
        IReadOnlyList<ParsedFile<DialogDto>> dialogs, List<ValidationMessage> messages)
    {
        foreach (var language in new[] { Language.English, Language.Chinese })
        {
            var entries = Collect(topics, outOfScope, dialogs, language);
            var clashes = EarliestClashes(entries.Select(e => e.Owner).ToList(), entries.Select(e => e.Normalized).ToList());
            for (var order = 0; order < entries.Count; order++)
            {
                if (clashes[order] >= 0)
                {
                    messages.Add(Warning(entries[order], entries[clashes[order]]));
                }
            }
        }
    }

    /// <summary>
    /// For each phrasing, the position of the earliest phrasing listed before it, of another owner, that is the same or
    /// nearly the same (<see cref="Collides"/>); -1 where there is none.
    /// </summary>
    /// <param name="owners">The owner of each phrasing (compared with <see cref="string.Equals(string, string)"/>).</param>
    /// <param name="texts">The phrasings after <see cref="TextNormalizer"/>, none empty, in file order.</param>
    /// <remarks>
    /// The work grows with the number of pairs of phrasings that share one of their rarer character pairs (each
    /// examined pair adds one step to <see cref="WorkMeter"/>); with a fixed alphabet that is still a (small) fraction
    /// of all pairs, so it stays quadratic for content whose phrasings share most of their wording. Candidates are
    /// cheap to reject: the shared-pair count, then a banded insert/delete distance, before FuzzySharp. Phrasings are taken shortest first; each
    /// is compared only with earlier ones that share one of its "prefix" character pairs (the prefix-filtering lemma).
    /// Two phrasings that collide share at least t = ⌊length·(1 − 4·<see cref="MaxDistanceShare"/>)⌋ − 1 character
    /// pairs, for the length of either (see <see cref="Collides"/>; their total length is at most twice the longer's).
    /// Numbering repeated pairs (the k-th "ab" of a phrasing) makes those pairs a set, and with every phrasing's pairs
    /// in one global order, rarest first, two sets sharing t elements share one of the first (count − t + 1) of each:
    /// the first shared element in that order has at most count − t elements after it. Only those prefixes are
    /// indexed. Phrasings of up to 3 characters have no such bound (t ≤ 0); they can collide only with one another
    /// (the longer of two colliding phrasings is at most 1.2 times as long) and are compared pairwise.
    /// </remarks>
    internal static int[] EarliestClashes(IReadOnlyList<string> owners, IReadOnlyList<string> texts)
    {
        var count = texts.Count;
        var clashes = new int[count];
        Array.Fill(clashes, -1);
        var bigrams = new int[count][];
        var elements = new long[count][];
        var frequency = new Dictionary<long, int>();
        for (var i = 0; i < count; i++)
        {
            bigrams[i] = Bigrams(texts[i]);
            elements[i] = Elements(bigrams[i]);
            foreach (var element in elements[i])
            {
                frequency[element] = frequency.GetValueOrDefault(element) + 1;
            }
        }

        // One global order of the elements: rarest first, then by value.
        var ranked = frequency.Keys.ToArray();
        Array.Sort(ranked, (x, y) => frequency[x] != frequency[y] ? frequency[x].CompareTo(frequency[y]) : x.CompareTo(y));
        var rank = new Dictionary<long, int>(ranked.Length);
        for (var r = 0; r < ranked.Length; r++)
        {
            rank[ranked[r]] = r;
        }

        var postings = new List<int>?[ranked.Length];
        var starts = new int[ranked.Length]; // postings before this are too short for every later (longer) phrasing
        var seenBy = new int[count];
        Array.Fill(seenBy, -1);
        var shortOnes = new List<int>();
        var byLength = Enumerable.Range(0, count).OrderBy(i => texts[i].Length).ThenBy(i => i).ToArray();
        foreach (var i in byLength)
        {
            var length = texts[i].Length;
            var required = (int)Math.Floor(length * (1 - (4 * MaxDistanceShare))) - 1;
            if (required <= 0)
            {
                foreach (var j in shortOnes)
                {
                    WorkMeter.Add(1);
                    Consider(i, j);
                }

                shortOnes.Add(i);
                continue;
            }

            var ranks = Array.ConvertAll(elements[i], e => rank[e]);
            Array.Sort(ranks);
            for (var p = 0; p < ranks.Length - required + 1; p++)
            {
                var list = postings[ranks[p]] ??= [];
                while (starts[ranks[p]] < list.Count && LengthsTooFar(texts[list[starts[ranks[p]]]].Length, length))
                {
                    starts[ranks[p]]++;
                }

                for (var k = starts[ranks[p]]; k < list.Count; k++)
                {
                    WorkMeter.Add(1);
                    var j = list[k];
                    if (seenBy[j] != i)
                    {
                        seenBy[j] = i;
                        Consider(i, j);
                    }
                }

                list.Add(i);
            }
        }

        return clashes;

        void Consider(int i, int j)
        {
            if (owners[i] == owners[j] || !Collides(texts[i], bigrams[i], texts[j], bigrams[j]))
            {
                return;
            }

            var (early, late) = i < j ? (i, j) : (j, i);
            if (clashes[late] < 0 || early < clashes[late])
            {
                clashes[late] = early;
            }
        }
    }

    // Whether two phrasings of these lengths are too far apart in length to collide (checked before anything else).
    private static bool LengthsTooFar(int shorter, int longer) => longer - shorter > MaxDistanceShare * (shorter + longer);

    /// <summary>
    /// Whether two normalised phrasings are the same or nearly the same: equal, or FuzzySharp's ratio at least
    /// <see cref="NearlySameRatio"/>. Cheap necessary conditions come first: the length difference, the character
    /// pairs they share (q-gram lemma), and an insert/delete distance computed only up to its largest allowed value.
    /// </summary>
    private static bool Collides(string a, int[] aBigrams, string b, int[] bBigrams)
    {
        if (a == b)
        {
            return true;
        }

        var total = a.Length + b.Length;
        var (shorter, longer) = a.Length <= b.Length ? (a.Length, b.Length) : (b.Length, a.Length);
        if (LengthsTooFar(shorter, longer) || Shared(aBigrams, bBigrams) < longer - 1 - (2 * MaxDistanceShare * total))
        {
            return false;
        }

        return IndelDistanceWithin(a, b, (int)(MaxDistanceShare * total)) && FuzzySharp.Fuzz.Ratio(a, b) >= NearlySameRatio;
    }

    /// <summary>
    /// Whether the insert/delete distance between <paramref name="a"/> and <paramref name="b"/> is at most
    /// <paramref name="limit"/>: the dynamic programme restricted to the band of cells within <paramref name="limit"/>
    /// of the diagonal (any path leaving it costs more), so O(length × limit) instead of O(length²).
    /// </summary>
    internal static bool IndelDistanceWithin(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        const int Far = int.MaxValue / 2;
        var width = (2 * limit) + 1;
        var previous = new int[width]; // previous[j - i + limit] = distance of a[..i-1] and b[..j]
        var current = new int[width];
        for (var d = 0; d < width; d++)
        {
            var j = d - limit;
            previous[d] = j >= 0 && j <= b.Length ? j : Far;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var best = Far;
            for (var d = 0; d < width; d++)
            {
                var j = i + d - limit;
                int value;
                if (j < 0 || j > b.Length)
                {
                    value = Far;
                }
                else if (j == 0)
                {
                    value = i;
                }
                else if (a[i - 1] == b[j - 1])
                {
                    value = previous[d]; // (i-1, j-1) is on the same diagonal
                }
                else
                {
                    var up = d + 1 < width ? previous[d + 1] : Far; // (i-1, j): delete a[i-1]
                    var left = d > 0 ? current[d - 1] : Far; // (i, j-1): insert b[j-1]
                    value = 1 + Math.Min(up, left);
                }

                current[d] = value;
                best = Math.Min(best, value);
            }

            if (best > limit)
            {
                return false;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length - a.Length + limit] <= limit;
    }

    // The character pairs as a set: each numbered by how often it occurred before (the k-th "ab"), as one number.
    private static long[] Elements(int[] sortedBigrams)
    {
        var elements = new long[sortedBigrams.Length];
        for (var i = 0; i < sortedBigrams.Length; i++)
        {
            var occurrence = i > 0 && sortedBigrams[i - 1] == sortedBigrams[i] ? (elements[i - 1] & 0xFFFF) + 1 : 0;
            elements[i] = ((long)(uint)sortedBigrams[i] << 16) | occurrence;
        }

        return elements;
    }

    private static List<Entry> Collect(IReadOnlyList<ParsedFile<TopicDto>> topics, ParsedFile<OutOfScopeDto>? outOfScope,
        IReadOnlyList<ParsedFile<DialogDto>> dialogs, Language language)
    {
        var entries = new List<Entry>();
        foreach (var file in topics)
        {
            if (file.Dto is { Id: { } id } dto)
            {
                Add(entries, file, $"topic '{id}'", "/phrasings", dto.Phrasings, language);
            }
        }

        var groups = outOfScope?.Dto?.Groups ?? [];
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Id is { } id)
            {
                Add(entries, outOfScope!, $"out-of-scope group '{id}'", $"/groups/{g}/phrasings", groups[g].Phrasings, language);
            }
        }

        foreach (var file in dialogs)
        {
            if (file.Dto is { Id: { } id } dto)
            {
                Add(entries, file, $"dialog '{id}' (trigger)", "/triggers", dto.Triggers, language);
            }
        }

        return entries;
    }

    private static void Add<T>(List<Entry> entries, ParsedFile<T> file, string owner, string at, PhrasingsDto? phrasings, Language language)
        where T : class
    {
        var list = language == Language.English ? phrasings?.En : phrasings?.Zh;
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            var normalized = TextNormalizer.Normalize(list![i]);
            if (normalized.Length > 0)
            {
                var (line, column) = file.ValueAt($"{at}/{language.ToCode()}/{i}");
                entries.Add(new Entry(file.Path, line, column, owner, list[i].Trim(), normalized));
            }
        }
    }

    // Size of the multiset intersection of two sorted arrays.
    private static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    // The character pairs of text, as sorted numbers (a multiset).
    private static int[] Bigrams(string text)
    {
        var pairs = new int[Math.Max(0, text.Length - 1)];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (text[i] << 16) | text[i + 1];
        }

        Array.Sort(pairs);
        return pairs;
    }

    private static ValidationMessage Warning(Entry entry, Entry clash)
    {
        var how = clash.Normalized == entry.Normalized ? "the same as" : "nearly the same as";
        return new ValidationMessage(entry.Path, entry.Line, entry.Column, Severity.Warning,
            $"phrasing '{entry.Text}' of {entry.Owner} is {how} '{clash.Text}' of {clash.Owner} "
            + $"({clash.Path}:{clash.Line}); the bot cannot tell the two apart: reword one or keep it in one place");
    }

    private sealed record Entry(string Path, int Line, int Column, string Owner, string Text, string Normalized);
}
