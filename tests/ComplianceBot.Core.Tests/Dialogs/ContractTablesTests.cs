using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>
/// The dialog files must implement the decision tables of <c>docs/reply-format.md</c>, "Decision dialogs" exactly: the same dialog,
/// slot and value ids, and for every combination of answers the same row and verdict. The tables are written out
/// here independently of the YAML, as the contract states them (amended 2026-12-02: the value <c>unsure</c> for the
/// service or method, and the renumbered personal-vpn-check and travel-check tables).
/// </summary>
public class ContractTablesTests
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> ContractSlots = new()
    {
        ["personal-vpn-check"] = new()
        {
            ["location"] = ["mainland-china", "elsewhere"],
            ["provider"] = ["licensed-operator", "employer-channel", "unlicensed-service", "self-built", "unsure"],
            ["purpose"] = ["work", "academic", "blocked-sites"],
        },
        ["overseas-branch-onboarding"] = new()
        {
            ["channel"] = ["approved-channel", "leased-line", "none", "unsure"],
            ["entity"] = ["own-branch", "affiliate"],
            ["in-scope"] = ["yes", "no", "unsure"],
            ["controls"] = ["yes", "no"],
        },
        ["client-access-check"] = new()
        {
            ["recipient"] = ["employee", "affiliate", "client", "contractor"],
            ["charging"] = ["yes", "no"],
            ["in-scope"] = ["yes", "no"],
        },
        ["travel-check"] = new()
        {
            ["destination"] = ["mainland-china", "hong-kong-macau", "elsewhere"],
            ["method"] = ["roaming", "local-operator", "employer-channel", "unlicensed-vpn", "unsure"],
            ["purpose"] = ["work", "personal"],
            ["in-scope"] = ["yes", "no"],
        },
    };

    // (row, verdict) as the contract's tables decide, first matching row wins.
    private static (int Row, string Verdict) Contract(string dialog, IReadOnlyDictionary<string, string> f) => dialog switch
    {
        "personal-vpn-check" =>
            f["location"] == "elsewhere" ? (1, "needs-review")
            : f["provider"] is "unlicensed-service" or "self-built" ? (2, "not-permitted")
            : (f["provider"] is "employer-channel" or "unsure") && f["purpose"] == "blocked-sites" ? (3, "not-permitted")
            : f["provider"] == "unsure" ? (4, "needs-review")
            : f["provider"] == "employer-channel" && f["purpose"] == "work" ? (5, "conditional")
            : f["provider"] == "employer-channel" && f["purpose"] == "academic" ? (6, "needs-review")
            : f["provider"] == "licensed-operator" && f["purpose"] is "work" or "academic" ? (7, "permitted")
            : (8, "needs-review"),
        "overseas-branch-onboarding" =>
            f["channel"] == "none" ? (1, "not-permitted")
            : f["channel"] == "unsure" || f["in-scope"] == "unsure" ? (2, "needs-review")
            : f["in-scope"] == "no" ? (3, "not-permitted")
            : f["controls"] == "no" ? (4, "conditional")
            : f["entity"] == "affiliate" ? (5, "conditional")
            : (6, "permitted"),
        "client-access-check" =>
            f["charging"] == "yes" ? (1, "not-permitted")
            : f["recipient"] is "client" or "contractor" ? (2, "not-permitted")
            : f["recipient"] == "affiliate" && f["in-scope"] == "yes" ? (3, "conditional")
            : f["recipient"] == "affiliate" ? (4, "not-permitted")
            : f["in-scope"] == "yes" ? (5, "permitted")
            : (6, "needs-review"),
        "travel-check" =>
            f["destination"] != "mainland-china" ? (1, "needs-review")
            : f["method"] == "unlicensed-vpn" ? (2, "not-permitted")
            : f["method"] is "roaming" or "local-operator" ? (3, "permitted")
            : f["purpose"] == "personal" ? (4, "not-permitted")
            : f["method"] == "unsure" ? (5, "needs-review")
            : f["in-scope"] == "yes" ? (6, "permitted")
            : (7, "not-permitted"),
        _ => throw new ArgumentOutOfRangeException(nameof(dialog)),
    };

    public static TheoryData<string> DialogIds() => new(ContractSlots.Keys);

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Dialog_uses_exactly_the_contract_slot_and_value_ids(string dialogId)
    {
        var dialog = RealContent.Served.Snapshot.FindDialog(dialogId);

        Assert.NotNull(dialog);
        Assert.Equal(ContractSlots[dialogId].Keys.Order(), dialog.Slots.Select(s => s.Id).Order());
        Assert.All(dialog.Slots, slot => Assert.Equal(ContractSlots[dialogId][slot.Id].Order(), slot.Choices.Select(c => c.Value).Order()));
        Assert.All(dialog.Rules, rule => Assert.Contains(rule.Outcome.Verdict, Verdicts.All));
    }

    [Theory]
    [MemberData(nameof(DialogIds))]
    public void Every_combination_of_answers_gets_the_contract_row_and_verdict(string dialogId)
    {
        var dialog = RealContent.Served.Snapshot.FindDialog(dialogId)!;
        var slots = ContractSlots[dialogId];
        var combinations = slots.Aggregate(
            new[] { new Dictionary<string, string>() }.AsEnumerable(),
            (partial, slot) => partial.SelectMany(p => slot.Value.Select(v => new Dictionary<string, string>(p) { [slot.Key] = v })));

        var checkedCount = 0;
        foreach (var facts in combinations)
        {
            var evaluation = RuleEvaluator.Evaluate(dialog, facts);
            var expected = Contract(dialogId, facts);
            var where = string.Join(", ", facts.Select(f => $"{f.Key}={f.Value}"));
            Assert.True(evaluation.IsDecided, $"no verdict for {where}");
            Assert.True(expected == (evaluation.DecidingRule!.Number, evaluation.DecidingRule.Outcome.Verdict),
                $"{where}: contract says row {expected.Row} ({expected.Verdict}), the dialog decides by rule {evaluation.DecidingRule.Number} ({evaluation.DecidingRule.Outcome.Verdict})");
            checkedCount++;
        }

        Assert.Equal(slots.Values.Aggregate(1, (n, v) => n * v.Length), checkedCount);
    }

    [Fact]
    public void Every_verdict_cites_a_regulation_and_gives_next_steps_in_both_languages()
    {
        Assert.All(RealContent.Served.Snapshot.Dialogs.SelectMany(d => d.Rules), rule =>
        {
            Assert.NotEmpty(rule.Outcome.Citations);
            Assert.NotEmpty(rule.Outcome.NextSteps.En);
            Assert.NotEmpty(rule.Outcome.NextSteps.Zh);
            Assert.False(string.IsNullOrWhiteSpace(rule.Outcome.Explanation.Zh), $"rule {rule.Id} has no Chinese explanation");
        });
    }
}
