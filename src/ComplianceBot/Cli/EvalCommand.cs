using System.CommandLine;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Evaluation;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>eval &lt;file.jsonl&gt; [--verbose] [--knowledge DIR] [--dialogs DIR]</c>: matching accuracy on a question set,
/// with the misses listed.
/// </summary>
public static class EvalCommand
{
    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output) => EvalCommands.Create(
        "eval", "Measure matching accuracy on a question set and list the misses.",
        "A JSON Lines file of {\"text\": ..., \"expect\": [ids]}.", "Also list the questions answered correctly.", output,
        (file, verbose, folders, _) => Task.FromResult(Run(file, verbose, folders, output)));

    private static int Run(FileInfo file, bool verbose, ContentFolders folders, TextWriter output)
    {
        using var services = ConsoleServices.Create(folders);
        var report = QuestionEvaluator.Run(services.GetRequiredService<ComplianceAssistant>(), EvalCase.ReadJsonLines(file.FullName));
        output.WriteLine($"questions: {report.Results.Count} ({report.InScope} in scope, {report.OutOfScope} out of scope)");
        output.WriteLine($"top-1 accuracy:         {report.TopOneAccuracy:P1}");
        output.WriteLine($"out-of-scope fallback:  {report.OutOfScopeRejection:P1}");
        output.WriteLine($"clarify rate:           {report.ClarifyRate:P1}");
        output.WriteLine($"answered or offered:    {report.AnsweredOrOffered:P1}");
        output.WriteLine($"ranked first:           {report.RankedFirst:P1}");
        var misses = report.Misses.ToList();
        output.WriteLine(misses.Count == 0 ? "misses: none" : $"misses ({misses.Count}):");
        foreach (var miss in misses)
        {
            var offered = miss.Candidates.Count > 0 ? $" [{string.Join(", ", miss.Candidates)}]" : string.Empty;
            output.WriteLine($"  line {miss.Case.Line}: \"{miss.Case.Text}\" expected {string.Join("|", miss.Case.Expect)}, got {miss.Got}{offered}"
                + (miss.Confidence is { } c ? $" ({c:F2})" : string.Empty));
        }

        if (verbose)
        {
            foreach (var hit in report.Results.Where(r => r.Correct))
            {
                output.WriteLine($"  ok line {hit.Case.Line}: \"{hit.Case.Text}\" -> {hit.Got}" + (hit.Confidence is { } c ? $" ({c:F2})" : string.Empty));
            }
        }

        return 0;
    }
}
