using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;
using static ComplianceBot.Core.Tests.Support.Turns;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>
/// The decision step without any host, for situations, context and free-word answers: an analysis and a state in, the
/// decision and the new state out.
/// </summary>
public class TurnDeciderContextTests
{
    [Fact]
    public void A_request_to_be_checked_starts_the_check_it_names_with_the_facts_stated()
    {
        var result = Decide("check if we can let an affiliate use our channel");

        Assert.Equal((DecisionKind.StartCheck, "client-access-check"), (result.Decision.Kind, result.Decision.DialogId));
        Assert.Equal("affiliate", result.Decision.Facts["recipient"]);
        Assert.StartsWith("asks to be checked", result.Decision.Reason);
        Assert.Equal("affiliate", result.NewState.Dialog!.Facts["recipient"]);
        Assert.Equal(DialogPhase.Asking, result.NewState.Dialog.Phase);
    }

    [Fact]
    public void A_question_about_the_writers_own_trip_with_a_named_app_gives_the_verdict_at_once()
    {
        var result = Decide("I'm flying to Beijing, can I use LetsVPN?");

        Assert.Equal((DecisionKind.StartCheck, "travel-check", "not-permitted"), (result.Decision.Kind, result.Decision.DialogId, result.Decision.Verdict));
        Assert.Equal(DialogPhase.Finished, result.NewState.Dialog!.Phase);
    }

    [Fact]
    public void A_general_question_reporting_on_someone_else_is_answered_and_its_facts_are_kept_for_the_button()
    {
        var answered = Decide("my boss asked me whether a paid vpn is even legal in china?");
        Assert.Equal(DecisionKind.Answer, answered.Decision.Kind);
        var kept = Assert.Single(answered.NewState.LastStated, s => s.DialogId == "personal-vpn-check");
        Assert.Equal("unlicensed-service", kept.Facts["provider"]);

        var clicked = Decide(Start("personal-vpn-check"), answered.NewState);

        Assert.Equal((DecisionKind.StartCheck, "not-permitted"), (clicked.Decision.Kind, clicked.Decision.Verdict));
        Assert.Empty(clicked.NewState.LastStated); // kept for one turn only
    }

    [Fact]
    public void A_subject_less_follow_up_is_answered_against_the_last_topic()
    {
        var first = Decide("what fines can an individual get for using an illegal vpn");
        Assert.Equal("personal-penalties", first.NewState.LastTopicId);

        var result = Decide("and for companies?", first.NewState);

        Assert.Equal((DecisionKind.FollowUp, "corporate-penalties", "personal-penalties"), (result.Decision.Kind, result.Decision.TopicId, result.Decision.From));
        Assert.Equal("corporate-penalties", result.NewState.LastTopicId);
        Assert.StartsWith("follow-up corporate-penalties after personal-penalties (follow-up for-companies)", result.Decision.ToString());
    }

    [Fact]
    public void A_follow_up_word_without_a_last_topic_is_matched_on_its_own()
    {
        var result = Decide("and for companies?");

        Assert.NotEqual(DecisionKind.FollowUp, result.Decision.Kind);
    }

    [Fact]
    public void A_correction_after_a_verdict_decides_again_with_the_other_facts_kept()
    {
        var verdict = Decide("I'm in Shanghai and use Astrill for work").NewState;
        Assert.Equal("not-permitted", verdict.Dialog!.Verdict);

        var result = Decide("actually it's not Astrill, it's my employer's approved channel", verdict);

        Assert.Equal((DecisionKind.Correction, "provider", "employer-channel"), (result.Decision.Kind, result.Decision.SlotId, result.Decision.Value));
        Assert.Equal("conditional", result.Decision.Verdict);
        Assert.Equal(new Dictionary<string, string> { ["location"] = "mainland-china", ["provider"] = "employer-channel", ["purpose"] = "work" },
            result.NewState.Dialog!.Facts);
        Assert.Equal("unlicensed-service", verdict.Dialog.Facts["provider"]); // the state given in is a value: untouched
    }

    [Fact]
    public void Back_right_after_a_verdict_asks_its_last_answer_again_and_cancel_closes_it()
    {
        var verdict = Decide(new TurnInput("roaming"), Decide(new TurnInput("mainland china"), Decide(Start("travel-check")).NewState).NewState);
        Assert.Equal("permitted", verdict.Decision.Verdict);

        var back = Decide("back", verdict.NewState);
        var cancel = Decide("cancel", verdict.NewState);

        Assert.Equal((DecisionKind.Control, DialogCommand.Back, "method"), (back.Decision.Kind, back.Decision.Command, back.Decision.Asks));
        Assert.False(back.NewState.Dialog!.Facts.ContainsKey("method"));
        Assert.Equal((DecisionKind.Control, DialogCommand.Cancel), (cancel.Decision.Kind, cancel.Decision.Command));
        Assert.Null(cancel.NewState.Dialog);
    }

    [Fact]
    public void A_hedge_is_the_slots_unsure_value()
    {
        var asking = Decide("上海", Decide(Start("personal-vpn-check")).NewState).NewState;
        Assert.Equal("provider", asking.Dialog!.AskedSlot);

        var result = Decide("不太确定，得问一下IT", asking);

        Assert.Equal((DecisionKind.SlotAnswer, "provider", "unsure"), (result.Decision.Kind, result.Decision.SlotId, result.Decision.Value));
    }

    [Fact]
    public void A_payment_in_free_words_is_the_charge_not_an_faq_detour()
    {
        var result = Decide("he pays us a monthly fee", Decide(Start("client-access-check")).NewState);

        Assert.Equal((DecisionKind.SlotAnswer, "charging", "yes"), (result.Decision.Kind, result.Decision.SlotId, result.Decision.Value));
        Assert.Equal("not-permitted", result.Decision.Verdict);
    }

    [Fact]
    public void An_faq_question_that_names_a_value_mid_check_is_an_aside_and_the_check_resumes()
    {
        var asking = Decide(Start("client-access-check")).NewState;

        var result = Decide("what are the penalties for subleasing a line?", asking);

        Assert.Equal((DecisionKind.CheckAside, "charging"), (result.Decision.Kind, result.Decision.Asks));
        Assert.Empty(result.NewState.Dialog!.Facts);
    }
}
