using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Tests.Matching;

/// <summary>
/// How scoring chooses the phrasings it compares fuzzily: the five closest by terms, and every phrasing tied with the
/// fifth, up to <c>TiedLimit</c> of them, those earliest in the content first.
/// </summary>
public class TopicMatcherScoringTests
{
    /// <summary><paramref name="count"/> topics with the same phrasing, in content order, with ids that sort the other way round (topic-99 first).</summary>
    private static TopicMatcher SamePhrasing(int count) => new(
        Enumerable.Range(0, count).Select(i => new MatchTarget($"topic-{99 - i:D2}", ["can our branch rent a leased line"])).ToList(),
        TextAnalyzer.CreateDefault(),
        new MatcherOptions());

    private static readonly string[] QuestionTexts = ["can our branch rent a leased line", "leased line rent branch"];

    public static TheoryData<string> Questions => new(QuestionTexts);

    [Theory]
    [MemberData(nameof(Questions))]
    public void Topics_whose_phrasings_tie_on_every_term_get_the_same_confidence(string question)
    {
        // Six topics tie for five fuzzy places: all six are compared, so none misses the fuzzy and exact-phrasing
        // signals because of where it sits in the content (it used to be whichever an unstable sort left out).
        var matcher = SamePhrasing(6);

        var ranked = matcher.Match(question).Ranked.ToList();

        Assert.Equal(6, ranked.Count);
        Assert.All(ranked, c => Assert.Equal(ranked[0].Confidence, c.Confidence));
        Assert.Equal(ranked.Select(c => c.Id).Order(StringComparer.Ordinal), ranked.Select(c => c.Id)); // ties: by id
        Assert.Equal(ranked, matcher.Rank(matcher.Analyzer.Analyze(question)));
    }

    [Fact]
    public void Beyond_the_limit_of_tied_phrasings_those_earliest_in_the_content_are_compared()
    {
        var limit = 5 + TopicMatcher.TiedLimit;
        var matcher = SamePhrasing(limit + 3);

        foreach (var question in QuestionTexts)
        {
            var ranked = matcher.Match(question).Ranked.ToList();

            // The first `limit` topics of the content (topic-99 down) are compared; the last three (ids first by order) are not.
            var compared = Enumerable.Range(0, limit).Select(i => $"topic-{99 - i:D2}").ToHashSet();
            Assert.Equal(compared.Order(StringComparer.Ordinal), ranked.Take(limit).Select(c => c.Id));
            Assert.True(ranked[limit].Confidence < ranked[limit - 1].Confidence, $"{ranked[limit]} after {ranked[limit - 1]}");
            Assert.Equal(["topic-76", "topic-77", "topic-78"], ranked.Skip(limit).Select(c => c.Id));
            Assert.Equal(ranked, matcher.Rank(matcher.Analyzer.Analyze(question)));
        }
    }
}
