using System.Runtime.Intrinsics;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Finds, among many normalised phrasings, each one's earliest earlier phrasing of another owner that is the same or
/// nearly the same (FuzzySharp ratio at least <see cref="PhrasingCollisionCheck.NearlySameRatio"/>), without
/// comparing every pair.
/// </summary>
/// <remarks>
/// <para>FuzzySharp's ratio of two strings of total length T at insert/delete distance d is round(100 (T − d) / T), so a
/// ratio of 92 or more needs d ≤ <see cref="Budget"/>(T) = ⌊17 T / 200⌋ (a larger d gives at most 91.5 − 0.5 / T).</para>
/// <para>Equal phrasings are grouped by text. For the others (6 characters or more: shorter pairs have a budget of 0),
/// every phrasing is cut into chunks of <see cref="ChunkLength"/> characters at fixed places (0, 3, 6, …). Each insert
/// or delete breaks at most one chunk, so two phrasings within the budget k keep all but k of a phrasing's chunks
/// whole, each at most k places from where it was (an asymmetric signature: chunks on one side, every substring of
/// the other side near the chunk's place). Phrasings are taken shortest first; each one is indexed under only its
/// k + 1 rarest chunks (k the largest budget it can have with a longer phrasing), so a nearly-same later phrasing
/// must contain at least 1 + (k − its pair's budget) of them near their places (the prefix filter over chunks in
/// one global order, rarest first). Candidates that pass that count are then checked by character counts (each
/// insert or delete changes the counts' L1 distance by one, so it cannot exceed the budget; counted in 64 buckets,
/// which only lowers it), by an insert/delete distance computed inside the band of the budget, and
/// finally by FuzzySharp itself, so the result is exactly what comparing every pair gives.</para>
/// <para>Work (<see cref="WorkMeter"/>): substrings looked up, index entries visited, candidates checked. It grows with
/// the pairs of phrasings that share one of their rarer chunks at about the same place: about linearly for content
/// whose vocabulary grows with it, but with the square of the content for phrasings generated from a few shared
/// frames and slot words (budget k lets a near copy differ in every slot word, so a phrasing's k + 1 rarest chunks
/// include frame words; no choice of pieces avoids that), though each step is a few array reads.</para>
/// </remarks>
internal static class NearlySamePairs
{
    /// <summary>The length of the chunks phrasings are indexed under.</summary>
    internal const int ChunkLength = 3;

    // Chunks indexed beyond the budget (at least this many must then match).
    private const int Extra = 1;

    // Character-count buckets for the L1 filter.
    private const int Buckets = 64;

    /// <summary>The largest insert/delete distance two phrasings of total length <paramref name="total"/> can have at ratio 92.</summary>
    internal static int Budget(int total) => 17 * total / 200;

    /// <summary>
    /// For each phrasing, the position of the earliest phrasing before it, of another owner, that is equal or has a
    /// FuzzySharp ratio of at least 92 with it; -1 where there is none.
    /// </summary>
    /// <param name="owners">The owner of each phrasing.</param>
    /// <param name="texts">The phrasings after normalisation, none empty, in file order.</param>
    /// <param name="cancellationToken">Stops the search (checked every 256 phrasings).</param>
    public static int[] EarliestClashes(IReadOnlyList<string> owners, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var count = texts.Count;
        var clashes = new int[count];
        Array.Fill(clashes, -1);
        var ownerIds = OwnerIds(owners);
        EqualOnes(ownerIds, texts, clashes);

        var lengths = new int[count];
        var longest = 0;
        for (var i = 0; i < count; i++)
        {
            lengths[i] = texts[i].Length;
            longest = Math.Max(longest, lengths[i]);
        }

        var (shortest, widest) = (new int[longest + 1], new int[longest + 1]);
        for (var n = 0; n <= longest; n++)
        {
            (shortest[n], widest[n]) = (n, n);
            while (shortest[n] > 1 && n - (shortest[n] - 1) <= Budget(shortest[n] - 1 + n))
            {
                shortest[n]--;
            }

            while ((widest[n] + 1) - n <= Budget(n + widest[n] + 1))
            {
                widest[n]++;
            }
        }

        var frequency = ChunkFrequencies(texts);
        var histograms = Histograms(texts);
        var postings = new Dictionary<ulong, Posting>();
        var indexed = new int[count];
        var (stamp, masks, hits) = (new int[count], new ulong[count], new int[count]);
        Array.Fill(stamp, -1);
        var touched = new List<int>();
        var order = Enumerable.Range(0, count).OrderBy(i => lengths[i]).ThenBy(i => i).ToArray();
        for (var o = 0; o < order.Length; o++)
        {
            if ((o & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var x = order[o];
            var text = texts[x];
            var n = text.Length;
            if (Budget(n + widest[n]) == 0)
            {
                continue; // only equal phrasings can collide, and those are found above
            }

            // Every earlier phrasing that keeps enough of its indexed chunks near their places in this one.
            touched.Clear();
            var reach = Budget(2 * n);
            for (var c = 0; c < n / ChunkLength; c++)
            {
                var home = c * ChunkLength;
                for (var p = Math.Max(0, home - (reach / 2)); p <= Math.Min(n - ChunkLength, home + reach); p++)
                {
                    WorkMeter.Add(1);
                    if (!postings.TryGetValue(Key(text, p, c), out var posting))
                    {
                        continue;
                    }

                    posting.SkipShorterThan(shortest[n], lengths);
                    for (var k = posting.Start; k < posting.Count; k++)
                    {
                        var y = posting.Items[k];
                        var (delta, budget) = (n - lengths[y], Budget(lengths[y] + n));
                        var shift = p - home;
                        if (shift < -((budget - delta) / 2) || shift > (budget + delta) / 2)
                        {
                            continue; // not where an edit within the budget could have moved it
                        }

                        if (stamp[y] != x)
                        {
                            (stamp[y], masks[y], hits[y]) = (x, 0, 0);
                            touched.Add(y);
                        }

                        if (c < 64)
                        {
                            if ((masks[y] & (1UL << c)) != 0)
                            {
                                continue; // this chunk already counted for y
                            }

                            masks[y] |= 1UL << c;
                        }

                        hits[y]++;
                    }

                    WorkMeter.Add(posting.Count - posting.Start);
                }
            }

            foreach (var y in touched)
            {
                WorkMeter.Add(1);
                var budget = Budget(lengths[y] + n);
                if (hits[y] >= indexed[y] - budget && ownerIds[x] != ownerIds[y]
                    && Late(x, y) is var (early, late) && (clashes[late] < 0 || early < clashes[late])
                    && HistogramDistance(histograms, x, y) <= budget
                    && PhrasingCollisionCheck.IndelDistanceWithin(texts[y], text, budget)
                    && FuzzySharp.Fuzz.Ratio(texts[y], text) >= PhrasingCollisionCheck.NearlySameRatio)
                {
                    clashes[late] = early;
                }
            }

            indexed[x] = Index(text, x, Budget(n + widest[n]), frequency, postings);
        }

        return clashes;
    }

    private static (int Early, int Late) Late(int i, int j) => i < j ? (i, j) : (j, i);

    // Indexes a phrasing under its budget + Extra rarest chunks; returns how many.
    private static int Index(string text, int x, int budget, Dictionary<ulong, int> frequency, Dictionary<ulong, Posting> postings)
    {
        var chunks = text.Length / ChunkLength;
        var keys = new (int Frequency, ulong Key)[chunks];
        for (var c = 0; c < chunks; c++)
        {
            var key = Key(text, c * ChunkLength, c);
            keys[c] = (frequency[key], key);
        }

        Array.Sort(keys);
        var take = Math.Min(chunks, budget + Extra);
        if (take - budget < 1)
        {
            throw new InvalidOperationException($"a phrasing of {text.Length} characters has too few chunks"); // cannot happen for length ≥ 6
        }

        for (var k = 0; k < take; k++)
        {
            if (!postings.TryGetValue(keys[k].Key, out var posting))
            {
                postings[keys[k].Key] = posting = new Posting();
            }

            posting.Add(x);
        }

        return take;
    }

    // A chunk: its place (the how-many-th chunk) and its characters, as one number.
    private static ulong Key(string text, int at, int chunk)
    {
        var key = (ulong)chunk;
        for (var i = 0; i < ChunkLength; i++)
        {
            key = (key << 16) | text[at + i];
        }

        return key;
    }

    private static Dictionary<ulong, int> ChunkFrequencies(IReadOnlyList<string> texts)
    {
        var frequency = new Dictionary<ulong, int>();
        foreach (var text in texts)
        {
            for (var c = 0; c < text.Length / ChunkLength; c++)
            {
                var key = Key(text, c * ChunkLength, c);
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }
        }

        return frequency;
    }

    // Character counts in 64 buckets, one byte each (saturating: a phrasing longer than 255 characters gets none).
    private static byte[] Histograms(IReadOnlyList<string> texts)
    {
        var histograms = new byte[texts.Count * Buckets];
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Length <= byte.MaxValue)
            {
                foreach (var ch in texts[i])
                {
                    histograms[(i * Buckets) + Bucket(ch)]++;
                }
            }
        }

        return histograms;
    }

    // ASCII characters by their code (letters, digits and space apart), others spread by a multiplicative hash.
    private static int Bucket(char ch) => ch < 128 ? ch & (Buckets - 1) : (int)((ch * 0x9E3779B1u) >> 26);

    // L1 distance of two phrasings' character counts (0 when either is too long to have counts).
    private static int HistogramDistance(byte[] histograms, int a, int b)
    {
        var x = histograms.AsSpan(a * Buckets, Buckets);
        var y = histograms.AsSpan(b * Buckets, Buckets);
        var sum = Vector256<ushort>.Zero;
        for (var i = 0; i < Buckets; i += Vector256<byte>.Count)
        {
            var (u, v) = (Vector256.Create<byte>(x[i..]), Vector256.Create<byte>(y[i..]));
            var difference = Vector256.Max(u, v) - Vector256.Min(u, v);
            var (lower, upper) = Vector256.Widen(difference);
            sum += lower + upper;
        }

        return Vector256.Sum(sum);
    }

    private static int[] OwnerIds(IReadOnlyList<string> owners)
    {
        var ids = new Dictionary<string, int>();
        var result = new int[owners.Count];
        for (var i = 0; i < owners.Count; i++)
        {
            if (!ids.TryGetValue(owners[i], out result[i]))
            {
                ids[owners[i]] = result[i] = ids.Count;
            }
        }

        return result;
    }

    // Equal phrasings: for each, the first of the group with another owner, if it comes before.
    private static void EqualOnes(int[] owners, IReadOnlyList<string> texts, int[] clashes)
    {
        var groups = new Dictionary<string, List<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!groups.TryGetValue(texts[i], out var group))
            {
                groups[texts[i]] = group = [];
            }

            group.Add(i);
        }

        foreach (var group in groups.Values.Where(g => g.Count > 1))
        {
            var first = group[0];
            var firstOther = group.FirstOrDefault(i => owners[i] != owners[first], -1);
            foreach (var late in group)
            {
                var early = owners[late] != owners[first] ? first : firstOther;
                if (early >= 0 && early < late)
                {
                    clashes[late] = early;
                }
            }
        }
    }

    // The phrasings indexed under one chunk, shortest first; those before Start are too short for what comes now.
    private sealed class Posting
    {
        public int[] Items = new int[2];
        public int Count;
        public int Start;

        public void Add(int item)
        {
            if (Count == Items.Length)
            {
                Array.Resize(ref Items, Count * 2);
            }

            Items[Count++] = item;
        }

        public void SkipShorterThan(int length, int[] lengths)
        {
            while (Start < Count && lengths[Items[Start]] < length)
            {
                Start++;
            }
        }
    }
}
