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
    public const int MissingFolderExitCode = CommandLine.NotFoundExitCode;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit code 1) on warnings too." };
        var noInfo = new Option<bool>("--no-info") { Description = "Do not print info messages (e.g. UNVERIFIED regulations)." };
        var validate = new Command("validate", "Check every knowledge and dialog file and print each problem as path:line:column: severity: message.")
        {
            warningsAsErrors, noInfo,
        };
        var folders = ContentFolderOptions.AddTo(validate);
        validate.SetAction((result, _) => CommandLine.Guard(result, () => Task.FromResult(
            Run(folders.Resolve(result), result.GetValue(warningsAsErrors), result.GetValue(noInfo), output))));
        return validate;
    }

    private static int Run(ContentFolders folders, bool warningsAsErrors, bool noInfo, TextWriter output)
    {
        var (path, dialogsPath) = folders;
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

    private static string Plural(int count, string noun) => count == 1 || noun == "info" ? $"{count} {noun}" : $"{count} {noun}s";
}
