using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Places;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;
using static ComplianceBot.Core.Tests.Support.Turns;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>
/// The decision step for places, without any host: a question or situation set outside mainland China gets its
/// jurisdiction's topic (never a mainland-law answer); inside a check the user's place takes the check's route.
/// </summary>
public sealed class OutOfJurisdictionDecisionTests
{
    private static readonly ServedContent Content = RealContent.Served;

    [Theory]
    [InlineData("is using a vpn legal in the UAE", "other-jurisdictions", "united-arab-emirates")]
    [InlineData("I'm in Tokyo, can I keep using ExpressVPN?", "other-jurisdictions", "japan")]
    [InlineData("is it legal to use a vpn in hong kong", "hong-kong-macau", "hong-kong")]
    [InlineData("我在香港可以用VPN吗", "hong-kong-macau", "hong-kong")]
    [InlineData("在臺北用翻牆軟件違法嗎", "hong-kong-macau", "taiwan")]
    [InlineData("we're based in Singapore, can our staff there use a paid vpn?", "other-jurisdictions", "singapore")]
    public void A_question_set_outside_the_mainland_gets_its_jurisdictions_topic(string text, string topic, string place)
    {
        var result = Decide(text);

        Assert.Equal(DecisionKind.OutOfJurisdiction, result.Decision.Kind);
        Assert.Equal(topic, result.Decision.TopicId);
        Assert.Equal(place, result.Decision.Place);
        Assert.Equal(topic, result.NewState.LastTopicId);
        var reply = Assert.Single(result.Replies);
        Assert.Equal(topic, Assert.IsType<AnswerValue>(reply.Value).Id);
    }

    [Theory]
    [InlineData("can we give a client in Berlin access to our cross-border line?")]
    [InlineData("our Guangzhou team wants to use the channel")]
    [InlineData("can you help us decide if a paid vpn is ok")]
    [InlineData("I'm flying from Tokyo to Beijing, can I use my VPN there?")]
    [InlineData("can I use a Hong Kong SIM in Shenzhen?")]
    public void Someone_elses_place_a_mainland_place_or_the_pronoun_us_changes_nothing(string text)
    {
        Assert.NotEqual(DecisionKind.OutOfJurisdiction, Decide(text).Decision.Kind);
    }

    [Fact]
    public void A_situation_that_starts_a_check_with_a_place_slot_takes_the_checks_route()
    {
        var result = Decide("I'm in Germany right now, am I allowed to use this VPN?");

        Assert.Equal(DecisionKind.StartCheck, result.Decision.Kind);
        Assert.Equal("needs-review", result.Decision.Verdict);
        Assert.Equal("elsewhere", result.Decision.Facts["location"]);
    }

    [Theory]
    [InlineData("I'm in Berlin right now", "elsewhere")]
    [InlineData("HK", "elsewhere")]
    [InlineData("台北", "elsewhere")]
    [InlineData("Chengdu", "mainland-china")]
    public void Inside_a_check_the_users_place_fills_the_place_slot(string answer, string value)
    {
        var asking = Decide(new TurnInput(null, new Dictionary<string, string> { ["start"] = "personal-vpn-check" })).NewState;

        var result = Decide(answer, asking);

        Assert.Equal(DecisionKind.SlotAnswer, result.Decision.Kind);
        Assert.Equal("location", result.Decision.SlotId);
        Assert.Equal(value, result.Decision.Value);
    }

    [Fact]
    public void The_analysis_reads_Traditional_characters_as_Simplified_and_says_so()
    {
        var analysis = TurnAnalyzer.Analyze(new TurnInput("個人使用付費VPN違法嗎"), new ConversationState(), Content);

        Assert.Equal(TextScript.Traditional, analysis.Script);
        Assert.Equal("个人使用付费VPN违法吗", analysis.Text);
        Assert.Equal(Language.Chinese, analysis.Language);
    }

    [Theory]
    [InlineData("what do 疏导 and 堵塞 mean in the rules?", "zh", Language.English)]
    [InlineData("疏导和堵塞是什么意思", "en", Language.Chinese)]
    [InlineData("VPN合法吗", "en", Language.Chinese)]
    [InlineData("VPN client 合规吗", "en", Language.English)]
    [InlineData("VPN client 合规吗", "zh", Language.Chinese)]
    public void The_reply_language_follows_the_share_of_words_and_the_conversation_when_unclear(string text, string conversation, Language expected)
    {
        var analysis = TurnAnalyzer.Analyze(new TurnInput(text), new ConversationState { Language = conversation }, Content);

        Assert.Equal(expected, analysis.Language);
    }
}
