using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;
using static ComplianceBot.Core.Tests.Support.Turns;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>
/// The decision step on its own, without any host: an analysis of a message and a conversation state in, the
/// decision (where the turn went and why) and the new state out.
/// </summary>
public class TurnDeciderTests
{
    private static readonly ServedContent Content = RealContent.Served;

    [Fact]
    public void A_question_is_answered_and_the_new_state_remembers_the_topic_the_notice_and_the_buttons()
    {
        var result = Decide("Is it illegal for individuals to use paid international VPN services?");

        Assert.Equal(DecisionKind.Answer, result.Decision.Kind);
        Assert.Equal("personal-paid-vpn", result.Decision.TopicId);
        Assert.Equal(1, result.NewState.Turn);
        Assert.Equal("personal-paid-vpn", result.NewState.LastTopicId);
        Assert.True(result.NewState.DisclaimerShown);
        Assert.Equal(result.Replies.Single().Actions.Select(a => a.Title), result.NewState.OfferedButtons.Select(b => b.Title));
        Assert.StartsWith("answer personal-paid-vpn (", result.Decision.ToString());
    }

    [Fact]
    public void A_described_situation_starts_its_check_with_the_facts_stated_and_gives_the_verdict()
    {
        var result = Decide("I live in Shenzhen, I use China Mobile's international service to watch netflix");

        var decision = result.Decision;
        Assert.Equal((DecisionKind.StartCheck, "personal-vpn-check"), (decision.Kind, decision.DialogId));
        Assert.Equal(new Dictionary<string, string> { ["location"] = "mainland-china", ["provider"] = "licensed-operator", ["purpose"] = "blocked-sites" },
            decision.Facts);
        Assert.Equal("needs-review", decision.Verdict);
        Assert.Equal(result.NewState.Dialog!.RuleId, decision.RuleId);
        Assert.Contains("situation", decision.Reason);
        Assert.Equal(DialogPhase.Finished, result.NewState.Dialog!.Phase);
        Assert.Equal(decision.Facts, result.NewState.Dialog.Facts);
        Assert.EndsWith($"→ verdict needs-review (rule {decision.RuleId})", decision.ToString());
    }

    [Fact]
    public void An_answer_in_a_check_fills_the_asked_slot_and_the_decision_names_the_next_question()
    {
        var started = Decide(Start("travel-check"));
        Assert.Equal("destination", started.Decision.Asks);

        var result = Decide("mainland china", started.NewState);

        Assert.Equal((DecisionKind.SlotAnswer, "destination", "mainland-china"), (result.Decision.Kind, result.Decision.SlotId, result.Decision.Value));
        Assert.Equal("method", result.Decision.Asks);
        Assert.Equal("mainland-china", result.NewState.Dialog!.Facts["destination"]);
        Assert.Empty(started.NewState.Dialog!.Facts); // the state given in is a value: untouched
    }

    [Fact]
    public void A_question_in_the_middle_of_a_check_is_an_aside_and_the_check_resumes()
    {
        var started = Decide(Start("travel-check")).NewState;

        var result = Decide("what are the penalties for individuals", started);

        Assert.Equal(DecisionKind.CheckAside, result.Decision.Kind);
        Assert.Equal(("personal-penalties", "destination"), (result.Decision.Aside!.TopicId, result.Decision.Asks));
        Assert.Equal(started.Dialog, result.NewState.Dialog);
        Assert.Equal("personal-penalties", result.NewState.LastTopicId);
    }

    [Fact]
    public void State_for_a_removed_dialog_ends_the_check_in_the_new_state_only()
    {
        var stale = new ConversationState { Dialog = new DialogState { DialogId = "retired-check", Title = "Old check", AskedSlot = "x" } };

        var result = Decide("yes", stale);

        Assert.Equal((DecisionKind.CheckRemoved, "retired-check"), (result.Decision.Kind, result.Decision.DialogId));
        Assert.Null(result.NewState.Dialog);
        Assert.NotNull(stale.Dialog); // resolving has no side effect on the state it was given
        Assert.Contains("Old check", result.Replies.Single().Text);
    }

    [Fact]
    public void A_typed_number_picks_the_offered_button_and_says_so()
    {
        var fallback = Decide("What's the weather tomorrow?");
        Assert.Equal(DecisionKind.Fallback, fallback.Decision.Kind);

        var result = Decide("2", fallback.NewState);

        Assert.Equal(DecisionKind.Answer, result.Decision.Kind);
        Assert.Equal(fallback.NewState.OfferedButtons[1].Value!["topic"], result.Decision.TopicId);
        Assert.Contains("typed 2", result.Decision.Reason);
    }

    [Fact]
    public void Cancel_in_a_check_is_a_control_decision_that_clears_the_check()
    {
        var started = Decide(Start("client-access-check")).NewState;

        var result = Decide("cancel", started);

        Assert.Equal((DecisionKind.Control, DialogCommand.Cancel, "client-access-check"),
            (result.Decision.Kind, result.Decision.Command, result.Decision.DialogId));
        Assert.Null(result.NewState.Dialog);
        Assert.Equal("control client-access-check cancel", result.Decision.ToString());
    }

    [Fact]
    public void A_button_answer_is_a_slot_answer_and_the_last_one_gives_the_verdict()
    {
        var state = Decide(Start("client-access-check")).NewState;

        var result = Decide(Submit("charging", "yes"), state);

        Assert.Equal((DecisionKind.SlotAnswer, "button"), (result.Decision.Kind, result.Decision.Reason));
        Assert.Equal("not-permitted", result.Decision.Verdict);
        Assert.Equal(result.NewState.Dialog!.RuleId, result.Decision.RuleId);
        Assert.Equal(result.NewState.Turn, result.NewState.Dialog!.VerdictTurn);
    }

    [Fact]
    public void The_same_analysis_and_state_always_give_the_same_result()
    {
        var state = Decide(Start("personal-vpn-check")).NewState;
        var analysis = TurnAnalyzer.Analyze(new TurnInput("I'm in Shanghai"), state, Content);

        var first = TurnDecider.Decide(analysis, state, Content);
        var second = TurnDecider.Decide(analysis, state, Content);

        Assert.Equal(first.Decision.ToString(), second.Decision.ToString());
        Assert.Equal(ConversationStateJson.Write(first.NewState), ConversationStateJson.Write(second.NewState));
        Assert.Equal(first.Replies.Select(r => r.Text), second.Replies.Select(r => r.Text));
    }
}
