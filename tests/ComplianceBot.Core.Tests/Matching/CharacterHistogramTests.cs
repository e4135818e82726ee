using ComplianceBot.Core.Matching;
using FuzzySharp;
using FuzzySharp.PreProcess;

namespace ComplianceBot.Core.Tests.Matching;

public class CharacterHistogramTests
{
    [Theory]
    [InlineData("allowed contractor line mpls our use we", "allow client line our share we with")]
    [InlineData("penalites vpn", "penalties vpn")]
    [InlineData("公司 专线 申请 跨境", "企业 国际 专线 办理")]
    [InlineData("abc", "xyz")]
    [InlineData("", "vpn")]
    public void The_bound_is_never_below_FuzzySharps_ratio(string first, string second)
    {
        var bound = CharacterHistogram.MaxRatio(CharacterHistogram.Of(first), first.Length, CharacterHistogram.Of(second), second.Length);

        Assert.True(bound + 0.005 >= Fuzz.Ratio(first, second, PreprocessMode.None) / 100.0, $"bound {bound}");
    }

    [Fact]
    public void The_bound_holds_for_many_random_strings_of_mixed_scripts()
    {
        var random = new Random(20261129);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz 0123456789公司专线跨境翻墙";
        string Next() => new(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        for (var i = 0; i < 2000; i++)
        {
            var (first, second) = (Next(), Next());
            var bound = CharacterHistogram.MaxRatio(CharacterHistogram.Of(first), first.Length, CharacterHistogram.Of(second), second.Length);
            Assert.True(bound + 0.005 >= Fuzz.Ratio(first, second, PreprocessMode.None) / 100.0, $"'{first}' vs '{second}': bound {bound}");
        }
    }

    [Fact]
    public void Identical_strings_may_reach_one_and_strings_without_a_common_letter_cannot_score()
    {
        var text = CharacterHistogram.Of("vpn licence");
        Assert.Equal(1.0, CharacterHistogram.MaxRatio(text, 11, text, 11));
        Assert.Equal(0.0, CharacterHistogram.MaxRatio(CharacterHistogram.Of("abc"), 3, CharacterHistogram.Of("xyz"), 3));
        Assert.Equal(0.0, CharacterHistogram.MaxRatio(CharacterHistogram.Of(string.Empty), 0, CharacterHistogram.Of(string.Empty), 0));
    }

    [Fact]
    public void The_compact_histogram_an_index_keeps_gives_the_same_bound_and_stays_a_bound_past_255_of_a_bucket()
    {
        var random = new Random(20261203);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz 0123456789公司专线跨境翻墙";
        string Next(int longest) => new(Enumerable.Range(0, random.Next(0, longest)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        for (var i = 0; i < 2000; i++)
        {
            var (first, second) = (Next(60), Next(60));
            Assert.Equal(CharacterHistogram.MaxRatio(CharacterHistogram.Of(first), first.Length, CharacterHistogram.Of(second), second.Length),
                CharacterHistogram.MaxRatio(CharacterHistogram.Of(first), first.Length, CharacterHistogram.Compact(second), second.Length));
        }

        foreach (var (first, second) in new[] { (new string('a', 1000), new string('a', 300)), (new string('a', 300), new string('a', 1000)), (Next(2000), new string('b', 600) + Next(600)) })
        {
            var bound = CharacterHistogram.MaxRatio(CharacterHistogram.Of(first), first.Length, CharacterHistogram.Compact(second), second.Length);
            Assert.True(bound + 0.005 >= Fuzz.Ratio(first, second, PreprocessMode.None) / 100.0, $"bound {bound}");
        }
    }
}
