using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Dialogs;

public class RuleEvaluatorTests
{
    private static DialogDefinition Dialog(string id) => RealContent.Served.Snapshot.FindDialog(id)!;

    private static Dictionary<string, string> Facts(params (string Slot, string Value)[] facts) =>
        facts.ToDictionary(f => f.Slot, f => f.Value);

    [Fact]
    public void With_no_facts_the_slot_of_the_first_rule_is_asked()
    {
        var evaluation = RuleEvaluator.Evaluate(Dialog("client-access-check"), Facts());

        Assert.False(evaluation.IsDecided);
        Assert.Equal("charging", evaluation.NeededSlot); // row 1 looks at charging only
    }

    [Fact]
    public void A_fact_that_decides_alone_gives_the_verdict_without_asking_more()
    {
        var evaluation = RuleEvaluator.Evaluate(Dialog("client-access-check"), Facts(("charging", "yes")));

        Assert.Equal("not-permitted", evaluation.DecidingRule?.Outcome.Verdict);
        Assert.Equal(["charging"], evaluation.ReliedOn);
    }

    [Fact]
    public void Only_the_slot_the_next_undecided_rule_needs_is_asked()
    {
        var overseas = Dialog("overseas-branch-onboarding");

        // Row 2 is "channel = unsure or in-scope = unsure": with the channel known, in-scope is next, not entity.
        Assert.Equal("in-scope", RuleEvaluator.Evaluate(overseas, Facts(("channel", "approved-channel"))).NeededSlot);
        Assert.Equal("controls", RuleEvaluator.Evaluate(overseas, Facts(("channel", "approved-channel"), ("in-scope", "yes"))).NeededSlot);
    }

    [Fact]
    public void The_verdict_relies_on_the_facts_that_ruled_out_earlier_rows_and_decided_its_own()
    {
        var facts = Facts(("location", "mainland-china"), ("provider", "employer-channel"), ("purpose", "work"));

        var evaluation = RuleEvaluator.Evaluate(Dialog("personal-vpn-check"), facts);

        Assert.Equal("conditional", evaluation.DecidingRule?.Outcome.Verdict);
        Assert.Equal(["location", "provider", "purpose"], evaluation.ReliedOn);
    }

    [Fact]
    public void A_fact_that_no_rule_needs_is_not_relied_on()
    {
        var facts = Facts(("location", "mainland-china"), ("provider", "self-built"), ("purpose", "academic"));

        var evaluation = RuleEvaluator.Evaluate(Dialog("personal-vpn-check"), facts);

        Assert.Equal("not-permitted", evaluation.DecidingRule?.Outcome.Verdict);
        Assert.DoesNotContain("purpose", evaluation.ReliedOn);
    }
}
