using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Matching;

public class TopicMatcherTests
{
    private static TopicMatcher SmallMatcher(MatcherOptions? options = null) => new(
        [
            new MatchTarget("fines", ["what are the fines for using a vpn", "penalty for vpn use", "will i be fined"]),
            new MatchTarget("travel", ["travelling to china with a phone", "business trip internet access", "roaming abroad"]),
            new MatchTarget("sublease", ["can we resell our dedicated line", "sublease the line to another company"]),
        ],
        TextAnalyzer.CreateDefault(),
        options ?? new MatcherOptions());

    [Fact]
    public void An_exact_phrasing_is_answered_with_full_confidence()
    {
        var result = SmallMatcher().Match("What are the fines for using a VPN?");

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Equal("fines", result.Top!.Id);
        Assert.InRange(result.Top.Confidence, 0.95, 1.0);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("2024")]
    [InlineData("1' OR '1'='1")]
    public void A_number_alone_matches_no_topic_of_the_real_content(string text)
    {
        // "A14-1" and the years in answers must not make "1" or "2024" look like a question about them.
        var result = RealContent.Served.TopicsMatcher.Match(text);

        Assert.Equal(MatchOutcome.Fallback, result.Outcome);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void Confidences_are_ranked_and_within_zero_and_one()
    {
        var ranked = SmallMatcher().Rank(SmallMatcher().Analyzer.Analyze("fines for reselling a vpn line"));

        Assert.True(ranked.Count >= 2);
        Assert.All(ranked, c => Assert.InRange(c.Confidence, 0.0, 1.0));
        Assert.Equal(ranked.OrderByDescending(c => c.Confidence).Select(c => c.Id), ranked.Select(c => c.Id));
    }

    [Fact]
    public void A_typo_still_finds_the_topic()
    {
        var result = SmallMatcher().Match("can we resel our dedicated lnie");

        Assert.Equal("sublease", result.Top!.Id);
        Assert.NotEqual(MatchOutcome.Fallback, result.Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!?")]
    [InlineData("🙂👍")]
    [InlineData("what is it")]
    [InlineData("and or but")]
    public void Input_without_content_never_matches(string text)
    {
        var result = SmallMatcher().Match(text);

        Assert.Equal(MatchOutcome.Fallback, result.Outcome);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void Two_equally_good_targets_lead_to_clarify_with_both_offered()
    {
        var matcher = new TopicMatcher(
            [
                new MatchTarget("a", ["vpn rules for staff"]),
                new MatchTarget("b", ["vpn rules for managers"]),
                new MatchTarget("c", ["office printer"]),
            ],
            TextAnalyzer.CreateDefault(),
            new MatcherOptions());

        var result = matcher.Match("vpn rules");

        Assert.Equal(MatchOutcome.Clarify, result.Outcome);
        Assert.Equal(["a", "b"], result.Candidates.Select(c => c.Id).Order());
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var strict = SmallMatcher(new MatcherOptions { AnswerThreshold = 1.0, ClarifyThreshold = 1.0 });

        Assert.Equal(MatchOutcome.Fallback, strict.Match("penalty for vpn").Outcome);
    }

    [Fact]
    public void The_default_options_are_the_tuning_that_appsettings_ships()
    {
        // Benchmarks and other code without configuration build matchers from the defaults: they must measure the product.
        var shipped = RealContent.ShippedMatcherOptions();
        var defaults = new MatcherOptions();

        Assert.Equivalent(defaults, shipped, strict: true);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => SmallMatcher(new MatcherOptions { AnswerThreshold = 0.2, ClarifyThreshold = 0.4 }));
        Assert.Contains("ClarifyThreshold", error.Message);
    }

    [Theory]
    [InlineData("What's the weather tomorrow?")]
    [InlineData("how do I reset my password")]
    [InlineData("book a meeting room for 3pm")]
    [InlineData("明天天气怎么样")]
    public void Unrelated_questions_fall_back_on_the_real_knowledge_base(string question)
    {
        Assert.Equal(MatchOutcome.Fallback, RealContent.Served.Matcher.Match(question).Outcome);
    }

    [Theory]
    [InlineData("Is it illegal for individuals to use paid international VPN services?", "personal-paid-vpn")]
    [InlineData("个人用付费VPN违法吗", "personal-paid-vpn")]
    public void Core_questions_are_answered_on_the_real_knowledge_base(string question, string topic)
    {
        var result = RealContent.Served.Matcher.Match(question);

        Assert.Equal(MatchOutcome.Answer, result.Outcome);
        Assert.Equal(topic, result.Top!.Id);
    }
}
