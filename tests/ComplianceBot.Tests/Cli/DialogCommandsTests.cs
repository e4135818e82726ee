using System.CommandLine;
using ComplianceBot.Cli;
using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Cli;

/// <summary>Decision dialogs from the command line: a whole dialog in <c>chat</c>, and <c>eval-scenarios</c>.</summary>
public sealed class DialogCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cb-cli-" + Guid.NewGuid().ToString("N"));

    public DialogCommandsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<(int ExitCode, string Output)> RunAsync(string input, params string[] args) => Support.Cli.RunWithInputAsync(input, args);

    [Fact]
    public async Task Chat_runs_a_whole_dialog_with_button_numbers_control_words_and_words()
    {
        var (exitCode, output) = await RunAsync("check whether we can share our channel\n2\nwhy\n1\nyes\n1\nexit\n", "chat");

        Assert.Equal(0, exitCode);
        Assert.Contains("Let's check your situation: Can we share our channel with someone?", output);
        Assert.Contains("[2] No, it is free", output);
        Assert.Contains("Why I ask:", output);
        Assert.Contains("Permitted. Your own employees in the approved scope may use the channel for work.", output);
        Assert.Contains("  • Charged for: No, it is free", output); // a Markdown list item, rendered for the terminal
        Assert.Contains("Which answer do you want to change?", output); // "1" clicked "Change an answer"
    }

    [Fact]
    public async Task Chat_numbers_only_the_list_a_typed_number_picks_from_so_an_aside_in_a_check_cannot_flip_a_choice()
    {
        var (exitCode, output) = await RunAsync("I'm in Shanghai and use astrill for work email\n1\n2\nwhat are the penalties for individuals\nexit\n", "chat");

        Assert.Equal(0, exitCode);
        var aside = output[output.LastIndexOf("> ", output.IndexOf("Back to the check", StringComparison.Ordinal), StringComparison.Ordinal)..];
        Assert.Contains("  - Jail, deportation and criminal records", aside); // the answer's related topics: listed, not numbered
        Assert.Contains("  [1] A Chinese operator's own international service", aside); // the one numbered list
        Assert.Single(aside.Split('\n'), l => l.StartsWith("  [1] ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_scenarios_passes_the_projects_own_scenario_file()
    {
        var file = Path.Combine(Repo.Root, "tests", "ComplianceBot.Core.Tests", "Data", "dialog-scenarios.jsonl");
        var count = File.ReadLines(file).Count(l => !string.IsNullOrWhiteSpace(l));

        var (exitCode, output) = await RunAsync(string.Empty, "eval-scenarios", file);

        Assert.Equal(0, exitCode);
        Assert.Contains($"scenarios: {count}, passed: {count}, failed: 0", output);
        Assert.Contains("PASS line 1: \"I'd like to check whether my VPN is allowed\" -> personal-vpn-check: conditional", output);
    }

    [Fact]
    public async Task Eval_scenarios_reports_a_failing_scenario_with_its_transcript()
    {
        var file = Path.Combine(_folder, "scenarios.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"start": "travel check for china", "dialog": "travel-check", "facts": {"destination": "mainland-china", "method": "roaming"}, "verdict": "permitted", "text_answers": {}}""",
            """{"start": "travel check for china", "dialog": "travel-check", "facts": {"destination": "mainland-china", "method": "unlicensed-vpn"}, "verdict": "permitted", "text_answers": {"method": "a vpn app"}}""",
        ]);

        var (exitCode, output) = await RunAsync(string.Empty, "eval-scenarios", file);

        Assert.Equal(EvalScenariosCommand.FailedExitCode, exitCode);
        Assert.Contains("PASS line 1: \"travel check for china\" -> travel-check: permitted", output);
        Assert.Contains("FAIL line 2: \"travel check for china\" -> travel-check: verdict not-permitted, expected permitted", output);
        Assert.Contains("> \"a vpn app\"", output);
        Assert.Contains("scenarios: 2, passed: 1, failed: 1", output);
    }

    [Fact]
    public async Task Eval_scenarios_of_a_missing_file_says_so()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "eval-scenarios", "/nonexistent/scenarios.jsonl");

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", output);
    }

    [Fact]
    public async Task The_question_eval_counts_a_dialog_start_as_the_dialog()
    {
        var file = Path.Combine(_folder, "questions.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"text": "travel check for china", "expect": ["dialog:travel-check"]}"""]);

        var (exitCode, output) = await RunAsync(string.Empty, "eval", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("top-1 accuracy:         100.0", output);
    }
}
