using System.CommandLine;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Validation;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>validate [--knowledge DIR] [--dialogs DIR] [--warnings-as-errors] [--no-info]</c>: checks every knowledge and
/// dialog file the way the bot does when it loads them and prints each problem as <c>path:line:column: error|warning|info: message</c>.
/// </summary>
/// <remarks>Exit codes: 0 no errors; 1 errors (or warnings with <c>--warnings-as-errors</c>); 2 the knowledge or dialogs folder not found.</remarks>
public static class ValidateCommand
{
    /// <summary>Exit code when the content has errors.</summary>
    public const int ErrorsExitCode = 1;

    /// <summary>Exit code when the knowledge or the dialogs folder does not exist.</summary>
    public const int MissingFolderExitCode = 2;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var knowledge = new Option<DirectoryInfo?>("--knowledge")
        {
            Description = "The knowledge folder to check (default: Content:KnowledgePath of appsettings.json, normally ./knowledge).",
        };
        var dialogs = new Option<DirectoryInfo?>("--dialogs")
        {
            Description = "The dialogs folder to check (default: Content:DialogsPath of appsettings.json, or the dialogs folder next to --knowledge).",
        };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit code 1) on warnings too." };
        var noInfo = new Option<bool>("--no-info") { Description = "Do not print info messages (e.g. UNVERIFIED regulations)." };
        var validate = new Command("validate", "Check every knowledge and dialog file and print each problem as path:line:column: severity: message.")
        {
            knowledge, dialogs, warningsAsErrors, noInfo,
        };
        validate.SetAction((result, _) => CommandLine.Guard(result, () => Task.FromResult(
            Run(result.GetValue(knowledge), result.GetValue(dialogs), result.GetValue(warningsAsErrors), result.GetValue(noInfo), output))));
        return validate;
    }

    private static int Run(DirectoryInfo? knowledge, DirectoryInfo? dialogs, bool warningsAsErrors, bool noInfo, TextWriter output)
    {
        var (path, dialogsPath) = ContentPaths(knowledge, dialogs);
        if (MissingFolder(path, dialogsPath) is { } missing)
        {
            output.WriteLine(missing);
            return MissingFolderExitCode;
        }

        var result = ContentLoader.Load(path, dialogsDirectory: dialogsPath);
        foreach (var message in result.Messages.Where(m => !noInfo || m.Severity != Severity.Info))
        {
            output.WriteLine(ShownPath.Of(message, path, dialogsPath));
        }

        output.WriteLine($"Checked knowledge {ShownPath.Of(path)} and dialogs {ShownPath.Of(dialogsPath)}.");
        var errors = result.Messages.Count(m => m.Severity == Severity.Error);
        var warnings = result.Messages.Count(m => m.Severity == Severity.Warning);
        var infos = result.Messages.Count(m => m.Severity == Severity.Info);
        var failed = errors > 0 || (warningsAsErrors && warnings > 0);
        var counts = result.Content?.Knowledge is { } k
            ? $"{k.Topics.Count} topics, {k.Regulations.Count} regulations, {result.Content.Dialogs.Count} dialogs, "
              + $"{k.Synonyms.Count} synonym groups, {k.OutOfScope.Count} out-of-scope groups"
            : "content not loadable";
        output.WriteLine($"{(failed ? "FAILED" : "OK")}: {Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(infos, "info")} "
            + $"({counts}; version {result.Version.ShortHash})");
        return failed ? ErrorsExitCode : 0;
    }

    /// <summary>
    /// The folders to check: given on the command line, else from configuration. A <c>--knowledge</c> folder without
    /// <c>--dialogs</c> uses the <c>dialogs</c> folder next to it when there is one (a copy of the repository checks as
    /// a whole), else the configured dialogs folder (<c>Content:DialogsPath</c>, normally the project's <c>dialogs/</c>);
    /// a <c>--dialogs</c> folder without <c>--knowledge</c> is checked with the configured knowledge folder.
    /// </summary>
    internal static (string KnowledgePath, string DialogsPath) ContentPaths(DirectoryInfo? knowledge, DirectoryInfo? dialogs)
    {
        var configured = ConsoleServices.ContentPaths();
        if (knowledge is not null)
        {
            var parent = Path.GetDirectoryName(knowledge.FullName.TrimEnd(Path.DirectorySeparatorChar)) ?? knowledge.FullName;
            var besideIt = Path.Combine(parent, ContentLoader.DialogsFolder);
            return (knowledge.FullName, dialogs?.FullName ?? (Directory.Exists(besideIt) ? besideIt : configured.DialogsPath));
        }

        return (configured.KnowledgePath, dialogs?.FullName ?? configured.DialogsPath);
    }

    /// <summary>The one-line error for a content folder that does not exist (knowledge first), or null when both exist.</summary>
    internal static string? MissingFolder(string knowledgePath, string dialogsPath) =>
        !Directory.Exists(knowledgePath) ? $"error: knowledge folder not found: {knowledgePath}"
        : !Directory.Exists(dialogsPath) ? $"error: dialogs folder not found: {dialogsPath} (without it every decision dialog would be gone; use --dialogs to name it)"
        : null;

    private static string Plural(int count, string noun) => count == 1 || noun == "info" ? $"{count} {noun}" : $"{count} {noun}s";
}
