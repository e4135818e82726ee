using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Validation;

/// <summary>
/// The phrasing-collision check finds exactly the phrasings a plain comparison of every pair finds (equal, or FuzzySharp
/// ratio at least 92, under different owners; the earliest such earlier phrasing named), including phrasings one edit
/// either side of the threshold.
/// </summary>
public sealed class PhrasingCollisionCheckTests
{
    private static readonly string[] Frames = ["can {0} use {1} in {2}", "is it legal for {0} to share {1} in {2}", "{0} wants {1} in {2} allowed?", "penalty if {0} resells {1} in {2}"];
    private static readonly string[] FramesZh = ["{0}可以在{2}使用{1}吗", "{0}在{2}转售{1}会被处罚吗", "{0}{2}{1}合法吗"];

    // A plain comparison of every pair: what the check did before it was indexed.
    private static int[] Reference(IReadOnlyList<string> owners, IReadOnlyList<string> texts)
    {
        var clashes = new int[texts.Count];
        for (var late = 0; late < texts.Count; late++)
        {
            clashes[late] = -1;
            for (var early = 0; early < late; early++)
            {
                if (owners[early] != owners[late] && (texts[early] == texts[late] || FuzzySharp.Fuzz.Ratio(texts[early], texts[late]) >= PhrasingCollisionCheck.NearlySameRatio))
                {
                    clashes[late] = early;
                    break;
                }
            }
        }

        return clashes;
    }

    // A made-up word of 2 to 4 syllables: a vocabulary that grows with the content, like new topics bring new words.
    private static string Word(Random random)
    {
        const string Consonants = "bcdfghjklmnprstvwz";
        const string Vowels = "aeiou";
        var chars = new char[2 * random.Next(2, 5)];
        for (var i = 0; i < chars.Length; i += 2)
        {
            chars[i] = Consonants[random.Next(Consonants.Length)];
            chars[i + 1] = Vowels[random.Next(Vowels.Length)];
        }

        return new string(chars);
    }

    private static string ZhWord(Random random) => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => (char)('\u4e00' + random.Next(3000))));

    // Insert, delete or replace one character at random.
    private static string Edit(string text, Random random)
    {
        var at = random.Next(text.Length);
        var letter = text.Any(c => c >= '\u4e00') ? (char)('\u4e00' + random.Next(3000)) : (char)('a' + random.Next(26));
        return random.Next(3) switch
        {
            0 => text.Insert(at, letter.ToString()),
            1 => text.Remove(at, 1),
            _ => text.Remove(at, 1).Insert(at, letter.ToString()),
        };
    }

    /// <summary>
    /// <paramref name="topics"/> topics with English and Chinese phrasings from frames and words of their own, and one
    /// phrasing in five copied from an earlier topic with 0 to 7 edits (same, nearly the same, or just not).
    /// </summary>
    private static (List<string> Owners, List<string> Texts) Phrasings(int topics, int seed)
    {
        var random = new Random(seed);
        var (owners, texts) = (new List<string>(), new List<string>());
        for (var t = 0; t < topics; t++)
        {
            var (who, what, where) = (Word(random) + " " + Word(random), Word(random), Word(random));
            var (whoZh, whatZh, whereZh) = (ZhWord(random), ZhWord(random), ZhWord(random));
            foreach (var frame in Frames)
            {
                owners.Add($"topic {t}");
                texts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, who, what, where));
            }

            foreach (var frame in FramesZh)
            {
                owners.Add($"topic {t}");
                texts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, whoZh, whatZh, whereZh));
            }

            if (t > 0 && random.Next(5) == 0)
            {
                var copy = texts[random.Next(texts.Count - 7)];
                for (var e = random.Next(8); e > 0; e--)
                {
                    copy = Edit(copy, random);
                }

                owners.Add($"topic {t}");
                texts.Add(copy);
            }
        }

        return (owners, texts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_indexed_check_finds_exactly_what_comparing_every_pair_finds(int seed)
    {
        var (owners, texts) = Phrasings(300, seed);

        var found = PhrasingCollisionCheck.EarliestClashes(owners, texts);

        Assert.Equal(Reference(owners, texts), found);
        Assert.Contains(found, c => c >= 0);
    }

    [Fact]
    public void Eight_times_the_phrasings_cost_far_less_than_comparing_most_pairs()
    {
        // Content whose vocabulary grows with it, as new topics bring new words. Comparing most pairs (the check before
        // it was chunk-indexed) costs 64 times the work for 8 times the phrasings: 10,000 topics then take many
        // minutes at start-up and at every hot reload. Work is counted, not timed.
        var (owners, texts) = Phrasings(2_400, 7);
        var (smallOwners, smallTexts) = (owners.Take(owners.Count / 8).ToList(), texts.Take(texts.Count / 8).ToList());

        var small = WorkMeter.Measure(() => PhrasingCollisionCheck.EarliestClashes(smallOwners, smallTexts));
        var large = WorkMeter.Measure(() => PhrasingCollisionCheck.EarliestClashes(owners, texts));

        Assert.InRange(large, 1, 40 * small);
    }

    [Fact]
    public void Phrasings_either_side_of_the_threshold_and_short_ones_are_judged_as_before()
    {
        // Pairs whose ratio is just above and just below 92, equal short ones, and short ones one character apart.
        var texts = new List<string>
        {
            "what kind of questions can i ask you", "what kind of question can i ask you", // 99
            "can our branch office use a leased line", "can our branch offices use leased lines", // 95
            "is it legal for a startup to host a vps in beijing", "is it legal for a startup to host a vps in hainan", // 91: not
            "can a contractor use a vpn app", "can a contractors use the vpn app", // 92
            "can a contractor use a vpn app in x", "can a contractors use the vpn app in x", // 93
            "vpn", "VPN", "vpn", "vpm", "翻墙", "翻墙", "翻", "翻墙吗",
            "公司专线可以转租吗", "公司专线可以出租吗",
        };
        texts = texts.Select(TextNormalizer.Normalize).ToList();
        var owners = texts.Select((_, i) => $"owner {i}").ToList();
        owners[11] = owners[10]; // "vpn" twice under one owner is not a collision

        var ratios = new[] { (0, 1), (2, 3), (4, 5), (6, 7), (8, 9) }.Select(p => FuzzySharp.Fuzz.Ratio(texts[p.Item1], texts[p.Item2])).ToArray();
        Assert.Equal([99, 95, 91, 92, 93], ratios); // the cases are where they claim to be

        Assert.Equal(Reference(owners, texts), PhrasingCollisionCheck.EarliestClashes(owners, texts));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void The_insert_delete_distance_within_a_limit_agrees_with_fuzzy_sharp(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 2_000; n++)
        {
            var a = Word(random) + " " + Word(random);
            var b = a;
            for (var e = random.Next(6); e > 0; e--)
            {
                b = Edit(b, random);
            }

            // FuzzySharp's ratio is 1 - distance / total length, rounded: recover the distance from it when it is exact.
            var total = a.Length + b.Length;
            var limit = random.Next(0, 6);
            var distance = Indel(a, b);
            Assert.Equal(distance <= limit, PhrasingCollisionCheck.IndelDistanceWithin(a, b, limit));
            Assert.Equal((int)Math.Round(100.0 * (total - distance) / total), FuzzySharp.Fuzz.Ratio(a, b));
        }
    }

    // Insert/delete distance, the whole dynamic programme.
    private static int Indel(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                d[i, j] = i == 0 ? j : j == 0 ? i : a[i - 1] == b[j - 1] ? d[i - 1, j - 1] : 1 + Math.Min(d[i - 1, j], d[i, j - 1]);
            }
        }

        return d[a.Length, b.Length];
    }
}
