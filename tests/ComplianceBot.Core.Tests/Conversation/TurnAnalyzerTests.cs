using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>What the analysis of one message holds, before anything is decided.</summary>
public class TurnAnalyzerTests
{
    private static readonly ServedContent Content = RealContent.Served;

    private static TurnAnalysis Analyze(string text, ConversationState? state = null) =>
        TurnAnalyzer.Analyze(new TurnInput(text), state ?? new ConversationState(), Content);

    [Fact]
    public void A_question_is_matched_once_by_each_matcher_and_its_facts_are_read_for_every_check()
    {
        var analysis = Analyze("I'm flying to Beijing next week, can I use my company VPN for work?");

        Assert.NotNull(analysis.TopicsMatch);
        Assert.NotNull(analysis.DialogsMatch);
        Assert.NotEmpty(analysis.TopicsMatch!.Ranked);
        Assert.Equal(Content.Snapshot.Dialogs.Select(d => d.Id), analysis.Stated.Select(s => s.DialogId));
        var travel = analysis.StatedFor("travel-check")!;
        Assert.Equal("mainland-china", travel.Reading.Values["destination"]);
        Assert.Equal("employer-channel", travel.Reading.Values["method"]);
        Assert.True(travel.HasSituationCue);
        Assert.True(analysis.IsQuestion);
        Assert.True(analysis.IsAboutOwnSituation);
    }

    [Theory]
    [InlineData("thanks")]
    [InlineData("cancel")]
    [InlineData("2")]
    public void Small_talk_control_words_and_numbers_are_not_matched(string text)
    {
        var analysis = Analyze(text);

        Assert.Null(analysis.TopicsMatch);
        Assert.Null(analysis.DialogsMatch);
    }

    [Fact]
    public void In_a_check_the_message_is_read_as_the_answer_to_the_asked_slot_and_not_matched_against_triggers()
    {
        var state = new ConversationState
        {
            Dialog = new DialogState
            {
                DialogId = "client-access-check",
                DialogVersion = Content.Snapshot.FindDialog("client-access-check")!.Version,
                AskedSlot = "charging",
            },
        };

        var analysis = Analyze("nope", state);

        Assert.Equal("no", analysis.Answer!.Values["charging"]);
        Assert.True(analysis.Answer.AskedSlotFromShortAnswer);
        Assert.Null(analysis.DialogsMatch);
    }

    [Fact]
    public void A_number_that_picks_an_offered_button_carries_that_click_analysed()
    {
        var state = new ConversationState
        {
            OfferedButtons = [OfferedButton.From(ReplyAction.ForTopic("Travelling to China", "travelers"))],
            Language = "zh",
        };

        var analysis = Analyze("1", state);

        Assert.Equal(1, analysis.Number);
        Assert.Equal("travelers", analysis.PickedButton!.Input.Value!["topic"]);
        Assert.Equal(Language.Chinese, analysis.Language); // a bare number keeps the conversation's language
        Assert.False(analysis.LanguageFromText);
    }

    [Theory]
    [InlineData("is a vpn legal", TextScript.Latin)]
    [InlineData("个人用VPN违法吗", TextScript.Simplified)]
    [InlineData("is 翻墙 legal in china for expats", TextScript.Mixed)]
    [InlineData("2", TextScript.None)]
    public void The_script_of_the_message_is_named(string text, TextScript script)
    {
        Assert.Equal(script, Analyze(text).Script);
    }

    [Fact]
    public void Describe_names_the_facts_matches_and_form_for_explain()
    {
        var lines = Analyze("我在上海用付费VPN看油管").Describe();

        Assert.Contains(lines, l => l.StartsWith("facts:      personal-vpn-check: location=mainland-china provider=unlicensed-service purpose=blocked-sites", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("faq match:  ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "form:       statement, own situation");
    }
}
