using System.CommandLine;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Evaluation;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>eval-conversations &lt;file.yaml&gt; [--verbose] [--knowledge DIR] [--dialogs DIR]</c>: plays a set of multi-turn
/// conversations (the conversation script format of <c>tests/ComplianceBot.Tests/Conversations/README.md</c>), each in a
/// fresh conversation, and reports the share handled right (every turn as expected) and each failure with the turn
/// that went wrong. Exit code 0 when all are handled right, 3 when any is not, 2 when the file does not exist, 1 when
/// it cannot be read.
/// </summary>
public static class EvalConversationsCommand
{
    /// <summary>Exit code when at least one conversation was not handled right.</summary>
    public const int FailedExitCode = EvalCommands.FailedExitCode;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output) => EvalCommands.Create(
        "eval-conversations", "Play multi-turn conversations and report the share handled right, with the turn that went wrong in each failure.",
        "A YAML file of conversations (scripts: name, steps with user/click/value and expect).", "Also list the conversations handled right.", output,
        (file, verbose, folders, cancellationToken) => RunAsync(file, verbose, folders, output, cancellationToken));

    private static async Task<int> RunAsync(FileInfo file, bool verbose, ContentFolders folders, TextWriter output, CancellationToken cancellationToken)
    {
        var scripts = ScriptFile.Load(file.FullName, ShownPath.Of(file.FullName));
        foreach (var message in scripts.Messages)
        {
            output.WriteLine(message);
        }

        if (scripts.HasErrors)
        {
            return 1;
        }

        using var services = ConsoleServices.Create(folders);
        var content = services.GetRequiredService<IContentProvider>();
        var report = await ConversationEvaluator.RunAsync(scripts.Scripts, () => new AssistantDriver(content), cancellationToken);
        foreach (var result in report.Results.Where(r => verbose || !r.Passed))
        {
            output.WriteLine(result.Passed ? $"PASS {result.Script.Name}" : $"FAIL {result.Script.Name}");
            if (!result.Passed)
            {
                output.WriteLine(string.Join(Environment.NewLine, result.Failure!.TrimEnd().Split('\n').Select(l => "    " + l.TrimEnd('\r'))));
            }
        }

        output.WriteLine(report.Summary);
        return report.HandledRight == report.Results.Count ? 0 : FailedExitCode;
    }
}
