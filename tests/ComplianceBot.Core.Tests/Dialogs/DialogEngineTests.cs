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
}
