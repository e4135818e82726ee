using System.CommandLine;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Evaluation;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>eval-scenarios &lt;file.jsonl&gt; [--verbose] [--knowledge DIR] [--dialogs DIR]</c>: plays decision-dialog scenarios (start utterance, facts,
/// expected verdict) through the bot and prints pass/fail per scenario and the totals. Exit code 0 when all pass,
/// 3 when any fails, 2 when the file does not exist.
/// </summary>
public static class EvalScenariosCommand
{
    /// <summary>Exit code when at least one scenario failed.</summary>
    public const int FailedExitCode = EvalCommands.FailedExitCode;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output) => EvalCommands.Create(
        "eval-scenarios", "Play decision-dialog scenarios and report which end in the expected verdict.",
        "A JSON Lines file of {\"start\", \"dialog\", \"facts\", \"verdict\", \"text_answers\"}.",
        "Print the transcript of every scenario, not only of the failures.", output,
        (file, verbose, folders, cancellationToken) => RunAsync(file, verbose, folders, output, cancellationToken));

    private static async Task<int> RunAsync(FileInfo file, bool verbose, ContentFolders folders, TextWriter output, CancellationToken cancellationToken)
    {
        using var services = ConsoleServices.Create(folders);
        var content = services.GetRequiredService<IContentProvider>();
        var results = await ScenarioEvaluator.RunAsync(ScenarioCase.ReadJsonLines(file.FullName), () => new AssistantDriver(content), cancellationToken);
        foreach (var result in results)
        {
            output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} line {result.Case.Line}: \"{result.Case.Start}\" -> {result.Case.Dialog}: {result.Outcome}");
            if (!result.Passed || verbose)
            {
                foreach (var line in result.Transcript)
                {
                    output.WriteLine("    " + line);
                }
            }
        }

        var passed = results.Count(r => r.Passed);
        output.WriteLine($"scenarios: {results.Count}, passed: {passed}, failed: {results.Count - passed}");
        return passed == results.Count ? 0 : FailedExitCode;
    }
}
