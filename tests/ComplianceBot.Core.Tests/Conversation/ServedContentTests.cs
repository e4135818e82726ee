using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>
/// The matchers of one content version: the FAQ matcher (topics alone) and the matcher over topics and dialog triggers
/// are built from one reading of the content, and a message is read once for both; the FAQ matcher ranks exactly as a
/// matcher built over the topics alone.
/// </summary>
public class ServedContentTests
{
    private static readonly MatcherOptions Options = RealContent.ShippedMatcherOptions();

    [Fact]
    public void Building_both_matchers_reads_each_topic_phrasing_once()
    {
        var snapshot = RealContent.Served.Snapshot;
        Assert.NotEmpty(snapshot.Dialogs);

        var topicsAlone = RunsWhileBuilding(analyzer => ServedContent.Create(snapshot with { Dialogs = [] }, Options, analyzer));
        var dialogsAlone = RunsWhileBuilding(analyzer => new TopicMatcher([.. snapshot.Dialogs.Select(d => d.ToMatchTarget())], analyzer, Options));
        var both = RunsWhileBuilding(analyzer => ServedContent.Create(snapshot, Options, analyzer));

        Assert.True(topicsAlone > 2_000, $"{topicsAlone} runs"); // every phrasing, title and answer of the real content
        Assert.Equal(topicsAlone + dialogsAlone, both); // not twice the topics
    }

    [Fact]
    public void A_message_is_tokenised_once_for_the_faq_and_the_dialog_match()
    {
        var (analyzer, runs) = CountingTokenizer.Analyzer();
        analyzer.AddSynonyms(RealContent.Served.Snapshot.Knowledge.Synonyms);
        var content = ServedContent.Create(RealContent.Served.Snapshot, Options, analyzer);
        const string message = "can i use my company vpn for work in china";

        var before = runs();
        var analysis = TurnAnalyzer.Analyze(new TurnInput(message), new ConversationState(), content);

        Assert.NotNull(analysis.TopicsMatch);
        Assert.NotNull(analysis.DialogsMatch);
        Assert.Equal(1, runs() - before); // one English run, tokenised once
    }

    [Theory]
    [InlineData("can i use my company vpn for work in china")]
    [InlineData("Is it illegal for individuals to use paid international VPN servces?")] // a typo each matcher corrects towards its own words
    [InlineData("公司可以申请跨境专线吗？")]
    [InlineData("I'm travelling to Shanghai next week, can I use my vpn")]
    public void Each_matcher_matches_as_one_built_alone(string message)
    {
        var served = RealContent.Served;
        var knowledge = served.Snapshot.Knowledge;
        var topicsAlone = TopicMatcher.Create(knowledge, Options);
        var withDialogs = TopicMatcher.Create(knowledge, Options, served.Snapshot.Dialogs.Select(d => d.ToMatchTarget()));
        var analysis = TurnAnalyzer.Analyze(new TurnInput(message), new ConversationState(), served);

        Assert.Equal(Describe(topicsAlone.Match(message)), Describe(analysis.TopicsMatch!));
        Assert.Equal(Describe(withDialogs.Match(message)), Describe(analysis.DialogsMatch!));
    }

    private static int RunsWhileBuilding(Action<TextAnalyzer> build)
    {
        var (analyzer, runs) = CountingTokenizer.Analyzer();
        analyzer.AddSynonyms(RealContent.Served.Snapshot.Knowledge.Synonyms);
        var before = runs();
        build(analyzer);
        return runs() - before;
    }

    private static string Describe(MatchResult result) =>
        $"{result.Outcome} {string.Join(' ', result.Query.Terms)} | " +
        string.Join(", ", result.Ranked.Select(c => $"{c.Id} {c.Confidence:R}"));
}
