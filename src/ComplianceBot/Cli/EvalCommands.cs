using System.CommandLine;

namespace ComplianceBot.Cli;

/// <summary>
/// What the <c>eval</c>, <c>eval-scenarios</c> and <c>eval-conversations</c> commands share: a set file argument,
/// <c>--verbose</c>, the content folder options (<see cref="ContentFolderOptions"/>), errors through
/// <see cref="CommandLine.Guard"/>, and <c>error: &lt;path&gt; does not exist</c> with exit code
/// <see cref="CommandLine.NotFoundExitCode"/> when the set file is missing.
/// </summary>
internal static class EvalCommands
{
    /// <summary>Exit code of <c>eval-scenarios</c> and <c>eval-conversations</c> when at least one case was not handled right.</summary>
    public const int FailedExitCode = 3;

    /// <summary>
    /// Creates the command <paramref name="name"/>; on invocation, when the set file exists, calls
    /// <paramref name="run"/> with the file, <c>--verbose</c>, the resolved content folders and the cancellation token,
    /// and exits with what it returns.
    /// </summary>
    public static Command Create(string name, string description, string fileDescription, string verboseDescription, TextWriter output,
        Func<FileInfo, bool, ContentFolders, CancellationToken, Task<int>> run)
    {
        var file = new Argument<FileInfo>("file") { Description = fileDescription };
        var verbose = new Option<bool>("--verbose") { Description = verboseDescription };
        var command = new Command(name, description) { file, verbose };
        var folders = ContentFolderOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandLine.Guard(result, () =>
        {
            var (set, resolved) = (result.GetRequiredValue(file), folders.Resolve(result)); // the folders first: a missing folder is reported before a missing file
            if (!set.Exists)
            {
                output.WriteLine($"error: {set.FullName} does not exist");
                return Task.FromResult(CommandLine.NotFoundExitCode);
            }

            return run(set, result.GetValue(verbose), resolved, cancellationToken);
        }));
        return command;
    }
}
