using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// A dialog edit that reverses a row of the contract's decision table (dialogs/tests/) is refused when the content
/// loads (validate, start-up, hot reload), at the rule, naming the row, not only by the test command.
/// </summary>
public sealed class ContractRowCheckTests : IDisposable
{
    private readonly string _knowledge = Repo.CopyContent();

    private string Dialogs => Path.Combine(Path.GetDirectoryName(_knowledge)!, "dialogs");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_knowledge)!, recursive: true);

    [Fact]
    public void Turning_a_not_permitted_rule_into_permitted_is_an_error_at_that_rule_naming_the_row_it_breaks()
    {
        var dialog = Path.Combine(Dialogs, "personal-vpn-check.yaml");
        var lines = File.ReadAllLines(dialog);
        var rule = Array.FindIndex(lines, l => l == "  - id: unlicensed-or-self-built");
        var verdict = Array.FindIndex(lines, rule, l => l == "    verdict: not-permitted");
        lines[verdict] = "    verdict: permitted";
        File.WriteAllLines(dialog, lines);

        var result = ContentLoader.Load(_knowledge);

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal(("dialogs/personal-vpn-check.yaml", rule + 1), (error.Path, error.Line));
        Assert.StartsWith("rule 'unlicensed-or-self-built' decides {location: mainland-china, provider: unlicensed-service} as 'permitted', "
            + "but the decision-table row at dialogs/tests/personal-vpn-check.yaml:", error.Text, StringComparison.Ordinal);
        Assert.Contains("expects 'not-permitted'", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_row_together_with_the_rule_is_accepted()
    {
        var dialog = Path.Combine(Dialogs, "client-access-check.yaml");
        var text = File.ReadAllText(dialog);
        var tests = Path.Combine(Dialogs, "tests", "client-access-check.yaml");
        var rows = File.ReadAllText(tests);
        Assert.Contains("verdict: not-permitted, facts: {charging: \"yes\"}", rows, StringComparison.Ordinal);

        // A deliberate change of the contract: the rule and every row that tests it change together.
        var rule = text.IndexOf("verdict: not-permitted", StringComparison.Ordinal);
        File.WriteAllText(dialog, text[..rule] + "verdict: needs-review" + text[(rule + "verdict: not-permitted".Length)..]);
        var before = ContentLoader.Load(_knowledge);
        Assert.Contains(before.Messages, m => m.Severity == Severity.Error && m.Text.Contains("expects 'not-permitted'", StringComparison.Ordinal));
        File.WriteAllText(tests, rows.Replace("verdict: not-permitted, facts: {charging: \"yes\"}", "verdict: needs-review, facts: {charging: \"yes\"}", StringComparison.Ordinal)
            .Replace("verdict: not-permitted\n            facts: {charging: \"yes\"}", "verdict: needs-review\n            facts: {charging: \"yes\"}", StringComparison.Ordinal));

        var after = ContentLoader.Load(_knowledge);

        Assert.DoesNotContain(after.Messages, m => m.Severity == Severity.Error);
        Assert.NotNull(after.Content);
    }

    [Fact]
    public void A_decision_table_test_with_a_mistake_is_a_warning_and_the_content_still_loads()
    {
        File.WriteAllText(Path.Combine(Dialogs, "tests", "travel-check.yaml"), "scripts:\n  - name: broken\n    steps: []\n");

        var result = ContentLoader.Load(_knowledge);

        Assert.NotNull(result.Content);
        var warning = Assert.Single(result.Messages, m => m.Path == "dialogs/tests/travel-check.yaml");
        Assert.Equal(Severity.Warning, warning.Severity);
    }
}
