using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Evaluation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Evaluation;

public class ScenarioEvaluatorTests
{
    private static Task<IReadOnlyList<ScenarioResult>> RunAsync(IEnumerable<ScenarioCase> cases) =>
        ScenarioEvaluator.RunAsync(cases, () => new AssistantDriver(new FixedContentProvider(RealContent.Served)));

    [Fact]
    public async Task The_projects_own_scenarios_all_end_in_their_verdict()
    {
        var cases = ScenarioCase.ReadJsonLines(Repo.Data("dialog-scenarios.jsonl"));
        Assert.True(cases.Count >= 12);
        Assert.Equal(4, cases.Select(c => c.Dialog).Distinct().Count());

        var results = await RunAsync(cases);

        var failures = results.Where(r => !r.Passed)
            .Select(r => $"line {r.Case.Line}: {r.Outcome}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", r.Transcript)}");
        Assert.True(results.All(r => r.Passed), string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_wrong_expected_verdict_fails_and_says_what_was_reached()
    {
        var scenario = new ScenarioCase("travel check for china", "travel-check",
            new Dictionary<string, string> { ["destination"] = "hong-kong-macau" }, "permitted", new Dictionary<string, string>(), 1);

        var result = Assert.Single(await RunAsync([scenario]));

        Assert.False(result.Passed);
        Assert.Equal("verdict needs-review, expected permitted", result.Outcome);
    }

    [Fact]
    public async Task A_prompt_for_a_fact_the_scenario_lacks_fails_and_names_the_slot()
    {
        var scenario = new ScenarioCase("travel check for china", "travel-check",
            new Dictionary<string, string> { ["destination"] = "mainland-china" }, "permitted", new Dictionary<string, string>(), 1);

        var result = Assert.Single(await RunAsync([scenario]));

        Assert.False(result.Passed);
        Assert.Equal("asked for 'method', which the scenario's facts do not give", result.Outcome);
    }

    [Fact]
    public async Task A_start_that_gets_an_faq_answer_fails()
    {
        var scenario = new ScenarioCase("what are the penalties for individuals", "personal-vpn-check",
            new Dictionary<string, string>(), "permitted", new Dictionary<string, string>(), 1);

        var result = Assert.Single(await RunAsync([scenario]));

        Assert.False(result.Passed);
        Assert.Equal("no prompt or verdict (got answer)", result.Outcome);
    }

    [Fact]
    public async Task An_answer_the_bot_cannot_read_fails_at_once_instead_of_looping()
    {
        var scenario = new ScenarioCase("travel check for china", "travel-check",
            new Dictionary<string, string> { ["destination"] = "mainland-china" }, "permitted",
            new Dictionary<string, string> { ["destination"] = "purple" }, 1);

        var result = Assert.Single(await RunAsync([scenario]));

        Assert.False(result.Passed);
        Assert.Equal("the answer for 'destination' (\"purple\") was not understood: asked again", result.Outcome);
    }
}
