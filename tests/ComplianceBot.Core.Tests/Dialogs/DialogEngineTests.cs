using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Evaluation;
using ComplianceBot.Core.Tests.Support;
using static ComplianceBot.Core.Tests.Support.Turns;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>The dialog replies and state as the core assistant produces them (channels render these).</summary>
public class DialogEngineTests
{
    private readonly ComplianceAssistant _assistant = RealContent.Assistant();

    [Fact]
    public void A_prompt_carries_the_contract_value_and_one_choice_button_per_value()
    {
        var reply = Assert.Single(_assistant.Respond(Start("travel-check"), new ConversationState()).Replies);

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
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));
        chat.Send(Submit("charging", "no"));
        chat.Send(Submit("recipient", "affiliate"));

        var reply = Assert.Single(chat.Send(Submit("in-scope", "yes")));

        Assert.Equal(ReplyKind.Verdict, reply.Kind);
        var value = Assert.IsType<VerdictValue>(reply.Value);
        Assert.Equal("conditional", value.Verdict);
        Assert.Equal(["recipient", "charging", "in-scope"], value.Facts.Select(f => f.Key));
        Assert.Equal(["interim-provisions-implementing-measures"], value.Citations);
        Assert.StartsWith("**Permitted with conditions.** Only the affiliate's users named in the approved scope", reply.Text);
        var details = reply.Verdict!;
        Assert.Equal(("client-access-check", "conditional"), (details.Dialog, details.Verdict));
        Assert.Equal(["An affiliated company", "No, it is free", "Yes, they are named"], details.Facts.Select(f => f.ValueLabel));
        Assert.Contains("I came to this because your answer to \"Who would get access\" was \"An affiliated company\" and your answer to \"Named in the approved scope\" was \"Yes, they are named\".", details.Reason);
        Assert.DoesNotContain("rule 3", details.Reason);
        Assert.NotEmpty(details.NextSteps);
        Assert.All(details.NextSteps, step => Assert.Contains(step, reply.Text));
        Assert.Contains(reply.Sources, s => s.RegulationId == "interim-provisions-implementing-measures" && s.Text.Contains("Art. 21"));
        Assert.Contains("not legal advice", reply.Footer);
        Assert.Equal(["Change an answer", "Start over"], reply.Actions.Take(2).Select(a => a.Title));
        Assert.Equal(DialogPhase.Finished, chat.State.Dialog!.Phase);
    }

    [Fact]
    public void State_from_another_schema_version_restarts_the_check_instead_of_failing()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("personal-vpn-check"));
        chat.Send(Submit("location", "mainland-china"));
        chat.State = chat.State with { Dialog = chat.State.Dialog! with { SchemaVersion = 0 } };

        var replies = chat.Send(Submit("provider", "self-built"));

        Assert.Contains("was updated since you started it", replies[0].Text);
        Assert.Equal("location", Assert.IsType<PromptValue>(replies[^1].Value).Slot);
        Assert.Equal(DialogState.CurrentSchemaVersion, chat.State.Dialog!.SchemaVersion);
    }

    [Fact]
    public void State_holding_a_value_the_dialog_no_longer_has_restarts_the_check()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("travel-check"));
        var planted = chat.State.Dialog!.Fill("destination", "atlantis") with { AskedSlot = "method" };
        chat.State = chat.State with { Dialog = planted };

        var replies = chat.Send(new TurnInput("roaming"));

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
        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), new ConversationState()).Replies);

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
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));
        var verdict = chat.Send(Submit("charging", "yes")).Single();

        var reply = Assert.Single(chat.Send(new TurnInput(typed)));

        Assert.Equal(ReplyKind.Notice, reply.Kind);
        Assert.Contains(heading, reply.Text);
        Assert.Contains("1", reply.Text); // the deciding rule's number
        Assert.Equal(verdict.Sources.Select(s => s.RegulationId), reply.Sources.Select(s => s.RegulationId));
        Assert.Equal(["change", "restart"], reply.Actions.Select(a => a.Value["action"]));
        Assert.Equal(DialogPhase.Finished, chat.State.Dialog!.Phase); // still there for "change an answer"
    }

    [Fact]
    public void Why_after_another_message_since_the_verdict_does_not_explain_the_old_verdict()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));
        chat.Send(Submit("charging", "yes"));
        Assert.Equal(ReplyKind.Answer, chat.Send(new TurnInput("what are the penalties for individuals")).Single().Kind);

        var reply = Assert.Single(chat.Send(new TurnInput("why")));

        Assert.DoesNotContain("I came to this because", reply.Text);
        Assert.Contains("has finished", reply.Text);
        Assert.Equal(["Change an answer", "Start over"], reply.Actions.Select(a => a.Title));
    }

    [Fact]
    public void Why_twice_right_after_a_verdict_explains_it_both_times()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));
        chat.Send(Submit("charging", "yes"));

        chat.Send(new TurnInput("why"));
        var again = Assert.Single(chat.Send(new TurnInput("why")));

        Assert.Contains("I came to this because your answer to \"Charged for\"", again.Text);
    }

    [Fact]
    public void Back_later_after_a_verdict_names_the_finished_check_and_offers_to_change_it()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));
        chat.Send(Submit("charging", "yes"));
        chat.Send(new TurnInput("thanks"));

        var reply = Assert.Single(chat.Send(new TurnInput("back")));

        Assert.Contains("has finished", reply.Text);
        Assert.Equal(["Change an answer", "Start over"], reply.Actions.Select(a => a.Title));
    }

    [Fact]
    public void A_choice_that_is_not_an_option_of_the_asked_question_is_named_and_the_options_listed()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));

        var reply = Assert.Single(chat.Send(Submit("charging", "maybe")));

        Assert.Equal("charging", Assert.IsType<PromptValue>(reply.Value).Slot);
        Assert.Contains("\"maybe\" is not one of the options for this question", reply.Text);
        Assert.Contains("1. Yes, it is charged for", reply.Text);
        Assert.DoesNotContain("no longer open", reply.Text);

        var markup = Assert.Single(chat.Send(Submit("charging", "[click](https://evil.example) **now**")));
        Assert.Contains("That choice is not one of the options", markup.Text);
        Assert.DoesNotContain("evil.example", markup.Text);
    }

    [Theory]
    [InlineData("in-scope", "yes")] // a slot of this check not asked yet
    [InlineData("recipient", "client")]
    public void A_valid_button_for_a_question_not_asked_is_refused_and_the_current_question_asked(string slot, string choice)
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));

        var reply = Assert.Single(chat.Send(Submit(slot, choice)));

        Assert.Equal("charging", Assert.IsType<PromptValue>(reply.Value).Slot);
        Assert.StartsWith("That button isn't for the question I'm asking now.", reply.Text);
        Assert.Empty(chat.State.Dialog!.Facts);
        Assert.Equal(DialogPhase.Asking, chat.State.Dialog.Phase);
    }

    [Fact]
    public void A_button_of_another_check_with_the_same_slot_cannot_change_the_verdict()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("overseas-branch-onboarding"));

        var refused = Assert.Single(chat.Send(Submit("in-scope", "yes"))); // client-access-check's button
        var next = chat.Send(new TurnInput("we have an approved one from MIIT")).Last();

        Assert.Equal("channel", Assert.IsType<PromptValue>(refused.Value).Slot);
        Assert.DoesNotContain("Noted", refused.Text);
        Assert.Equal("in-scope", Assert.IsType<PromptValue>(next.Value).Slot); // still to be asked, not taken from the old button
        Assert.False(chat.State.Dialog!.Facts.ContainsKey("in-scope"));
    }

    [Fact]
    public void Starting_the_running_check_again_keeps_its_answers_and_asks_the_current_question()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("overseas-branch-onboarding"));
        chat.Send(Submit("channel", "approved-channel"));
        var asked = Assert.IsType<PromptValue>(chat.Send(Submit("in-scope", "yes")).Last().Value).Slot;

        var reply = Assert.Single(chat.Send(Start("overseas-branch-onboarding")));

        Assert.StartsWith("You're already in the check **Can we onboard an overseas branch?**", reply.Text);
        Assert.Contains("say **restart** to start over", reply.Text);
        Assert.Equal(asked, Assert.IsType<PromptValue>(reply.Value).Slot);
        Assert.Equal("approved-channel", chat.State.Dialog!.Facts["channel"]);
        Assert.Equal("yes", chat.State.Dialog.Facts["in-scope"]);
    }

    [Fact]
    public void Starting_another_check_while_one_runs_says_the_unfinished_one_was_stopped()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("overseas-branch-onboarding"));
        chat.Send(Submit("channel", "approved-channel"));

        var reply = Assert.Single(chat.Send(Start("client-access-check")));

        Assert.StartsWith("I've stopped the unfinished check **Can we onboard an overseas branch?**", reply.Text);
        Assert.Contains("Let's check your situation: **Can we share our channel with someone?**", reply.Text);
        Assert.Equal("client-access-check", Assert.IsType<PromptValue>(reply.Value).Dialog);
        Assert.Equal("client-access-check", chat.State.Dialog!.DialogId);
    }

    [Fact]
    public void Starting_a_check_after_a_verdict_starts_it_without_a_note()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));
        chat.Send(Submit("charging", "yes"));

        var reply = Assert.Single(chat.Send(Start("client-access-check")));

        Assert.StartsWith("Let's check your situation", reply.Text);
        Assert.Empty(chat.State.Dialog!.Facts);
    }

    [Fact]
    public void The_current_question_can_be_asked_again_without_changing_the_check()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("travel-check"));
        chat.Send(Submit("destination", "mainland-china"));

        var repeated = _assistant.RepeatQuestion(chat.State, Text.Language.English);

        var reply = Assert.Single(repeated.Replies);
        Assert.Equal(("travel-check", "method"), (Assert.IsType<PromptValue>(reply.Value).Dialog, ((PromptValue)reply.Value!).Slot));
        Assert.NotEmpty(reply.Actions);
        Assert.Equal(chat.State.Dialog, repeated.NewState.Dialog);
        Assert.Equal(reply.Actions.Count, repeated.NewState.OfferedButtons.Length);
        Assert.Empty(_assistant.RepeatQuestion(new ConversationState(), Text.Language.English).Replies);
    }

    [Fact]
    public void A_start_button_for_a_check_that_does_not_exist_keeps_the_running_check_and_asks_again()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("travel-check"));
        chat.Send(Submit("destination", "mainland-china"));

        var reply = Assert.Single(chat.Send(Start("no-such-dialog")));

        Assert.Contains("That check is not available", reply.Text);
        Assert.Equal(("travel-check", "method"), (Assert.IsType<PromptValue>(reply.Value).Dialog, ((PromptValue)reply.Value!).Slot));
        Assert.Equal("mainland-china", chat.State.Dialog!.Facts["destination"]);
    }

    [Fact]
    public void Talk_to_the_compliance_team_typed_during_a_check_hands_over_with_the_answers_so_far()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("travel-check"));
        chat.Send(Submit("destination", "mainland-china"));

        var reply = Assert.Single(chat.Send(new TurnInput("talk to the compliance team")));

        Assert.Contains("- Destination: Mainland China", reply.Text);
        Assert.Contains(RealContent.Served.Snapshot.Knowledge.FindOutOfScope("compliance-team")!.Reply.En.Trim(), reply.Text);
        Assert.Null(chat.State.Dialog);
    }
}
