using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Matching;

/// <summary>
/// What a matcher keeps per phrasing: at 10,000 topics it holds hundreds of thousands of them for as long as the
/// content is served, so fuzzy comparison keeps one text per phrasing (its words sorted), not also the words in order.
/// </summary>
[Collection(LiveMemory.Name)]
public sealed class TopicMatcherMemoryTests
{
    private static readonly string[] Words =
        ["compliance", "international", "bandwidth", "registration", "encryption", "authorisation", "telecommunications",
         "infrastructure", "administration", "certification", "configuration", "establishment"];

    [Fact]
    public void A_matcher_keeps_one_text_per_phrasing_for_fuzzy_comparison()
    {
        // Long phrasings with their words out of order: the words in order and the same sorted are two different texts.
        var targets = Enumerable.Range(0, 100)
            .Select(t => new MatchTarget($"topic-{t}", Enumerable.Range(0, 10).Select(p => Phrasing(t * 10 + p)).ToList()))
            .ToList();
        var sortedTextBytes = targets.SelectMany(t => t.Phrasings).Sum(p => 22 + (2 * p.Length)); // one sorted text per phrasing: 3.5 times this is kept, 4.2 times with the texts in order too

        var before = LiveMemory.Bytes();
        var matcher = new TopicMatcher(targets, TextAnalyzer.CreateDefault(), new MatcherOptions());
        var kept = LiveMemory.Bytes() - before;
        GC.KeepAlive(matcher);
        GC.KeepAlive(targets);

        Assert.Equal(1_000, matcher.DocumentCount);
        Assert.True(kept < 3.9 * sortedTextBytes, $"{kept:N0} bytes kept, {sortedTextBytes:N0} bytes of sorted texts");
    }

    [Fact]
    public void Building_the_index_counts_each_targets_terms_without_a_table_per_target()
    {
        // 3,000 targets of 4 phrasings, each phrasing 20 of the words: per target about 40 distinct terms. A table of
        // term counts per target (a dictionary grown to about 40 entries) allocated about 3.5 KB per target more: 12.9 KB
        // per target in all before, 9.4 KB after (the postings, bounds and vocabulary, which the matcher keeps).
        var analyzer = TextAnalyzer.CreateDefault();
        var targets = AnalyzedTarget.AnalyzeAll(
            Enumerable.Range(0, 3_000).Select(t => new MatchTarget($"topic-{t}", Enumerable.Range(0, 4).Select(p => Phrasing((t * 4) + p)).ToList())).ToList(),
            analyzer);
        _ = new TopicMatcher(targets.Take(10).ToList(), analyzer, new MatcherOptions()); // first use

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matcher = new TopicMatcher(targets, analyzer, new MatcherOptions());
        var perTarget = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)targets.Length;

        Assert.Equal(12_000, matcher.DocumentCount);
        Assert.True(perTarget < 11_000, $"{perTarget:N0} bytes allocated per target");
    }

    [Fact]
    public void An_explanation_shows_the_closest_phrasing_as_content_words_in_order()
    {
        var targets = new[] { new MatchTarget("vpn", ["Can I use a VPN in China?", "VPN rules"]), new MatchTarget("lines", ["leased line"]) };
        var matcher = new TopicMatcher(targets, TextAnalyzer.CreateDefault(), new MatcherOptions());

        var explanation = matcher.Explain("can i use vpn in china");

        Assert.Equal(TextAnalyzer.CreateDefault().Analyze("Can I use a VPN in China?", correctSpelling: false).ContentText,
            explanation.Targets[0].ClosestPhrasing);
    }

    // Twenty of the words, rotated and reversed by i: distinct phrasings whose words are not in order.
    private static string Phrasing(int i) =>
        string.Join(' ', Enumerable.Range(0, 20).Select(k => Words[(i + (k * 7)) % Words.Length] + (char)('a' + (i % 26))).Reverse());
}
