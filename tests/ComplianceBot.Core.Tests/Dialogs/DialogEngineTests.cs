using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Evaluation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>The dialog replies and state as the core assistant produces them (channels render these).</summary>
public class DialogEngineTests
{
    private readonly ComplianceAssistant _assistant = RealContent.Assistant();

    private static TurnInput Submit(string slot, string choice) =>
        new(null, new Dictionary<string, string> { ["slot"] = slot, ["choice"] = choice });

    private static TurnInput Start(string dialog) => new(null, new Dictionary<string, string> { ["start"] = dialog });

    [Fact]
    public void A_prompt_carries_the_contract_value_and_one_choice_button_per_value()
    {
        var reply = Assert.Single(_assistant.Respond(Start("travel-check"), new ConversationData()));

        Assert.Equal(ReplyKind.Prompt, reply.Kind);
        var value = Assert.IsType<PromptValue>(reply.Value);
        Assert.Equal(("travel-check", "destination"), (value.Dialog, value.Slot));
        Assert.Equal(["mainland-china", "hong-kong-macau", "elsewhere"], value.Choices.Select(c => c.Value));
        Assert.Equal(value.Choices.Select(c => c.Title), reply.Actions.Select(a => a.Title));
        Assert.All(reply.Actions.Zip(value.Choices), pair =>
            Assert.Equal(new Dictionary<string, string> { ["slot"] = "destination", ["choice"] = pair.Second.Value }, pair.First.Value));
        Assert.Contains("Let's check your situation", reply.Text);
    }

    [Fact]
    public void A_verdict_states_the_verdict_facts_reason_sources_and_next_steps()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);
        _assistant.Respond(Submit("charging", "no"), state);
        _assistant.Respond(Submit("recipient", "affiliate"), state);

        var reply = Assert.Single(_assistant.Respond(Submit("in-scope", "yes"), state));

        Assert.Equal(ReplyKind.Verdict, reply.Kind);
        var value = Assert.IsType<VerdictValue>(reply.Value);
        Assert.Equal("conditional", value.Verdict);
        Assert.Equal(["recipient", "charging", "in-scope"], value.Facts.Select(f => f.Key));
        Assert.Equal(["interim-provisions-implementing-measures"], value.Citations);
        Assert.StartsWith("**Permitted with conditions.** Only the affiliate's users named in the approved scope", reply.Text);
        var details = reply.Verdict!;
        Assert.Equal(("client-access-check", "conditional"), (details.Dialog, details.Verdict));
        Assert.Equal(["An affiliated company", "No, it is free", "Yes, they are named"], details.Facts.Select(f => f.ValueLabel));
        Assert.Contains("Deciding rule 3: Who would get access is an affiliated company and Named in the approved scope is yes, they are named", details.Reason);
        Assert.NotEmpty(details.NextSteps);
        Assert.All(details.NextSteps, step => Assert.Contains(step, reply.Text));
        Assert.Contains(reply.Sources, s => s.RegulationId == "interim-provisions-implementing-measures" && s.Text.Contains("Art. 21"));
        Assert.Contains("not legal advice", reply.Footer);
        Assert.Equal(["Change an answer", "Start over"], reply.Actions.Take(2).Select(a => a.Title));
        Assert.Equal(DialogPhase.Finished, state.Dialog!.Phase);
    }

    [Fact]
    public void State_from_another_schema_version_restarts_the_check_instead_of_failing()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("personal-vpn-check"), state);
        _assistant.Respond(Submit("location", "mainland-china"), state);
        state.Dialog!.SchemaVersion = 0;

        var replies = _assistant.Respond(Submit("provider", "self-built"), state);

        Assert.Contains("was updated since you started it", replies[0].Text);
        Assert.Equal("location", Assert.IsType<PromptValue>(replies[^1].Value).Slot);
        Assert.Equal(DialogState.CurrentSchemaVersion, state.Dialog!.SchemaVersion);
    }

    [Fact]
    public void State_holding_a_value_the_dialog_no_longer_has_restarts_the_check()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("travel-check"), state);
        state.Dialog!.Facts["destination"] = "atlantis";
        state.Dialog.AskedSlot = "method";

        var replies = _assistant.Respond(new TurnInput("roaming"), state);

        Assert.Contains("was updated since you started it", replies[0].Text);
        Assert.Equal("destination", Assert.IsType<PromptValue>(replies[^1].Value).Slot);
    }

    [Fact]
    public void The_question_eval_counts_a_dialog_start_as_that_dialog()
    {
        var report = QuestionEvaluator.Run(_assistant, [new EvalCase("travel check for china", ["dialog:travel-check"], 1)]);

        var result = Assert.Single(report.Results);
        Assert.Equal("dialog:travel-check", result.Got);
        Assert.True(result.Correct);
    }

    [Theory]
    [InlineData("back", "no earlier question to go back to")]
    [InlineData("stop", "nothing to stop")]
    [InlineData("cancel", "nothing to stop")]
    [InlineData("why", "no question to explain")]
    [InlineData("start over", "nothing to start over")]
    [InlineData("为什么", "没有需要解释的问题")]
    [InlineData("返回", "没有可以返回的上一题")]
    public void A_control_word_with_no_check_running_says_so_instead_of_matching_a_topic(string typed, string expected)
    {
        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), new ConversationData()));

        Assert.Equal(ReplyKind.Notice, reply.Kind);
        Assert.Contains(expected, reply.Text);
        Assert.Null(reply.Value);
        Assert.NotEmpty(reply.Actions);
    }

    [Theory]
    [InlineData("why", "Why:")]
    [InlineData("why?", "Why:")]
    [InlineData("为什么", "原因：")]
    public void Why_right_after_a_verdict_explains_that_verdict_again(string typed, string heading)
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);
        var verdict = _assistant.Respond(Submit("charging", "yes"), state).Single();

        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), state));

        Assert.Equal(ReplyKind.Notice, reply.Kind);
        Assert.Contains(heading, reply.Text);
        Assert.Contains("1", reply.Text); // the deciding rule's number
        Assert.Equal(verdict.Sources.Select(s => s.RegulationId), reply.Sources.Select(s => s.RegulationId));
        Assert.Equal(["change", "restart"], reply.Actions.Select(a => a.Value["action"]));
        Assert.Equal(DialogPhase.Finished, state.Dialog!.Phase); // still there for "change an answer"
    }

    [Fact]
    public void Why_after_another_message_since_the_verdict_does_not_explain_the_old_verdict()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);
        _assistant.Respond(Submit("charging", "yes"), state);
        Assert.Equal(ReplyKind.Answer, _assistant.Respond(new TurnInput("what are the penalties for individuals"), state).Single().Kind);

        var reply = Assert.Single(_assistant.Respond(new TurnInput("why"), state));

        Assert.DoesNotContain("Deciding rule", reply.Text);
        Assert.Contains("has finished", reply.Text);
        Assert.Equal(["Change an answer", "Start over"], reply.Actions.Select(a => a.Title));
    }

    [Fact]
    public void Why_twice_right_after_a_verdict_explains_it_both_times()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);
        _assistant.Respond(Submit("charging", "yes"), state);

        _assistant.Respond(new TurnInput("why"), state);
        var again = Assert.Single(_assistant.Respond(new TurnInput("why"), state));

        Assert.Contains("Deciding rule 1", again.Text);
    }

    [Fact]
    public void Back_after_a_verdict_names_the_finished_check_and_offers_to_change_it()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);
        _assistant.Respond(Submit("charging", "yes"), state);

        var reply = Assert.Single(_assistant.Respond(new TurnInput("back"), state));

        Assert.Contains("has finished", reply.Text);
        Assert.Equal(["Change an answer", "Start over"], reply.Actions.Select(a => a.Title));
    }

    [Fact]
    public void A_choice_that_is_not_an_option_of_the_asked_question_is_named_and_the_options_listed()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);

        var reply = Assert.Single(_assistant.Respond(Submit("charging", "maybe"), state));

        Assert.Equal("charging", Assert.IsType<PromptValue>(reply.Value).Slot);
        Assert.Contains("\"maybe\" is not one of the options for this question", reply.Text);
        Assert.Contains("1. Yes, it is charged for", reply.Text);
        Assert.DoesNotContain("no longer open", reply.Text);

        var markup = Assert.Single(_assistant.Respond(Submit("charging", "[click](https://evil.example) **now**"), state));
        Assert.Contains("That choice is not one of the options", markup.Text);
        Assert.DoesNotContain("evil.example", markup.Text);
    }

    [Theory]
    [InlineData("in-scope", "yes")] // a slot of this check not asked yet
    [InlineData("recipient", "client")]
    public void A_valid_button_for_a_question_not_asked_is_refused_and_the_current_question_asked(string slot, string choice)
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);

        var reply = Assert.Single(_assistant.Respond(Submit(slot, choice), state));

        Assert.Equal("charging", Assert.IsType<PromptValue>(reply.Value).Slot);
        Assert.StartsWith("That button isn't for the question I'm asking now.", reply.Text);
        Assert.Empty(state.Dialog!.Facts);
        Assert.Equal(DialogPhase.Asking, state.Dialog.Phase);
    }

    [Fact]
    public void A_button_of_another_check_with_the_same_slot_cannot_change_the_verdict()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("overseas-branch-onboarding"), state);

        var refused = Assert.Single(_assistant.Respond(Submit("in-scope", "yes"), state)); // client-access-check's button
        var next = _assistant.Respond(new TurnInput("we have an approved one from MIIT"), state).Last();

        Assert.Equal("channel", Assert.IsType<PromptValue>(refused.Value).Slot);
        Assert.DoesNotContain("Noted", refused.Text);
        Assert.Equal("in-scope", Assert.IsType<PromptValue>(next.Value).Slot); // still to be asked, not taken from the old button
        Assert.False(state.Dialog!.Facts.ContainsKey("in-scope"));
    }

    [Fact]
    public void Starting_the_running_check_again_keeps_its_answers_and_asks_the_current_question()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("overseas-branch-onboarding"), state);
        _assistant.Respond(Submit("channel", "approved-channel"), state);
        var asked = Assert.IsType<PromptValue>(_assistant.Respond(Submit("in-scope", "yes"), state).Last().Value).Slot;

        var reply = Assert.Single(_assistant.Respond(Start("overseas-branch-onboarding"), state));

        Assert.StartsWith("You're already in the check **Can we onboard an overseas branch?**", reply.Text);
        Assert.Contains("say **restart** to start over", reply.Text);
        Assert.Equal(asked, Assert.IsType<PromptValue>(reply.Value).Slot);
        Assert.Equal("approved-channel", state.Dialog!.Facts["channel"]);
        Assert.Equal("yes", state.Dialog.Facts["in-scope"]);
    }

    [Fact]
    public void Starting_another_check_while_one_runs_says_the_unfinished_one_was_stopped()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("overseas-branch-onboarding"), state);
        _assistant.Respond(Submit("channel", "approved-channel"), state);

        var reply = Assert.Single(_assistant.Respond(Start("client-access-check"), state));

        Assert.StartsWith("I've stopped the unfinished check **Can we onboard an overseas branch?**", reply.Text);
        Assert.Contains("Let's check your situation: **Can we share our channel with someone?**", reply.Text);
        Assert.Equal("client-access-check", Assert.IsType<PromptValue>(reply.Value).Dialog);
        Assert.Equal("client-access-check", state.Dialog!.DialogId);
    }

    [Fact]
    public void Starting_a_check_after_a_verdict_starts_it_without_a_note()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("client-access-check"), state);
        _assistant.Respond(Submit("charging", "yes"), state);

        var reply = Assert.Single(_assistant.Respond(Start("client-access-check"), state));

        Assert.StartsWith("Let's check your situation", reply.Text);
        Assert.Empty(state.Dialog!.Facts);
    }

    [Fact]
    public void The_current_question_can_be_asked_again_without_changing_the_check()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("travel-check"), state);
        _assistant.Respond(Submit("destination", "mainland-china"), state);

        var reply = Assert.Single(_assistant.RepeatQuestion(state, Text.Language.English));

        Assert.Equal(("travel-check", "method"), (Assert.IsType<PromptValue>(reply.Value).Dialog, ((PromptValue)reply.Value!).Slot));
        Assert.NotEmpty(reply.Actions);
        Assert.Equal("mainland-china", state.Dialog!.Facts["destination"]);
        Assert.Equal(reply.Actions.Count, state.OfferedButtons.Count);
        Assert.Empty(_assistant.RepeatQuestion(new ConversationData(), Text.Language.English));
    }

    [Fact]
    public void A_start_button_for_a_check_that_does_not_exist_keeps_the_running_check_and_asks_again()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("travel-check"), state);
        _assistant.Respond(Submit("destination", "mainland-china"), state);

        var reply = Assert.Single(_assistant.Respond(Start("no-such-dialog"), state));

        Assert.Contains("That check is not available", reply.Text);
        Assert.Equal(("travel-check", "method"), (Assert.IsType<PromptValue>(reply.Value).Dialog, ((PromptValue)reply.Value!).Slot));
        Assert.Equal("mainland-china", state.Dialog!.Facts["destination"]);
    }

    [Fact]
    public void Talk_to_the_compliance_team_typed_during_a_check_hands_over_with_the_answers_so_far()
    {
        var state = new ConversationData();
        _assistant.Respond(Start("travel-check"), state);
        _assistant.Respond(Submit("destination", "mainland-china"), state);

        var reply = Assert.Single(_assistant.Respond(new TurnInput("talk to the compliance team"), state));

        Assert.Contains("- Destination: Mainland China", reply.Text);
        Assert.Contains(RealContent.Served.Snapshot.Knowledge.FindOutOfScope("compliance-team")!.Reply.En.Trim(), reply.Text);
        Assert.Null(state.Dialog);
    }
}
