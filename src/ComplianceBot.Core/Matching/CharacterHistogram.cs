namespace ComplianceBot.Core.Matching;

/// <summary>
/// Character counts of a string folded into <see cref="Buckets"/> buckets: a cheap upper bound on FuzzySharp's
/// <c>Fuzz.Ratio</c>, so the matcher can skip a character-by-character comparison that could not change a score.
/// </summary>
/// <remarks>
/// <c>Fuzz.Ratio</c> is <c>1 - indel / (|a| + |b|)</c>, where indel is the number of insertions and deletions turning one
/// string into the other. Every character that one string has more often than the other must be inserted or deleted,
/// so indel is at least the sum of the count differences; folding characters into buckets only lowers that sum, so
/// the bound stays valid for any alphabet (Latin letters fall into distinct buckets; CJK characters share them).
/// </remarks>
internal static class CharacterHistogram
{
    /// <summary>Number of buckets (64: the ASCII letters, digits and space land mostly apart).</summary>
    public const int Buckets = 64;

    /// <summary>The bucketed character counts of <paramref name="text"/>; an array of <see cref="Buckets"/> counts.</summary>
    public static int[] Of(string text)
    {
        var counts = new int[Buckets];
        foreach (var c in text)
        {
            counts[c & (Buckets - 1)]++;
        }

        return counts;
    }

    /// <summary>
    /// The bucketed character counts of <paramref name="text"/>, each capped at 255: a quarter of the memory of
    /// <see cref="Of"/>, for the histograms an index keeps of every phrasing. Compared with
    /// <see cref="MaxRatio(int[], int, byte[], int)"/>, which caps the other side alike, the bound stays valid (capping
    /// both counts never widens their difference) and is the same unless a bucket holds more than 255 characters.
    /// </summary>
    public static byte[] Compact(string text)
    {
        var counts = new byte[Buckets];
        foreach (var c in text)
        {
            ref var count = ref counts[c & (Buckets - 1)];
            if (count < byte.MaxValue)
            {
                count++;
            }
        }

        return counts;
    }

    /// <summary>
    /// <see cref="MaxRatio(int[], int, int[], int)"/> against a capped histogram (<see cref="Compact"/>): the counts of
    /// <paramref name="first"/> are capped alike, so the result is never below the ratio of the two strings.
    /// </summary>
    public static double MaxRatio(int[] first, int firstLength, byte[] second, int secondLength)
    {
        var total = firstLength + secondLength;
        if (total == 0)
        {
            return 0;
        }

        var difference = 0;
        for (var i = 0; i < Buckets; i++)
        {
            difference += Math.Abs(Math.Min(first[i], byte.MaxValue) - second[i]);
        }

        return 1 - ((double)difference / total);
    }

    /// <summary>
    /// The highest ratio in [0, 1] that two strings with these histograms and lengths could reach (as a fraction, before
    /// FuzzySharp rounds it to a whole percent); 0 when both are empty.
    /// </summary>
    public static double MaxRatio(int[] first, int firstLength, int[] second, int secondLength)
    {
        var total = firstLength + secondLength;
        if (total == 0)
        {
            return 0;
        }

        var difference = 0;
        for (var i = 0; i < Buckets; i++)
        {
            difference += Math.Abs(first[i] - second[i]);
        }

        return 1 - ((double)difference / total);
    }
}
