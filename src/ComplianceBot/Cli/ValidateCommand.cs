using System.CommandLine;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Validation;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>validate [--knowledge DIR] [--warnings-as-errors] [--no-info]</c>: checks every content file the way the bot
/// does when it loads them and prints each problem as <c>path:line:column: error|warning|info: message</c>.
/// </summary>
/// <remarks>Exit codes: 0 no errors; 1 errors (or warnings with <c>--warnings-as-errors</c>); 2 folder not found.</remarks>
public static class ValidateCommand
{
    /// <summary>Exit code when the content has errors.</summary>
    public const int ErrorsExitCode = 1;

    /// <summary>Exit code when the content folder does not exist.</summary>
    public const int MissingFolderExitCode = 2;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var knowledge = new Option<DirectoryInfo?>("--knowledge")
        {
            Description = "The knowledge folder to check (default: Content:KnowledgePath of appsettings.json, normally ./knowledge).",
        };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit code 1) on warnings too." };
        var noInfo = new Option<bool>("--no-info") { Description = "Do not print info messages (e.g. UNVERIFIED regulations)." };
        var validate = new Command("validate", "Check every knowledge file and print each problem as path:line:column: severity: message.")
        {
            knowledge, warningsAsErrors, noInfo,
        };
        validate.SetAction((result, _) => CommandLine.Guard(() => Task.FromResult(
            Run(result.GetValue(knowledge), result.GetValue(warningsAsErrors), result.GetValue(noInfo), output))));
        return validate;
    }

    private static int Run(DirectoryInfo? knowledge, bool warningsAsErrors, bool noInfo, TextWriter output)
    {
        var path = knowledge?.FullName ?? ConsoleServices.ContentPaths().KnowledgePath;
        if (!Directory.Exists(path))
        {
            output.WriteLine($"error: knowledge folder not found: {path}");
            return MissingFolderExitCode;
        }

        var result = ContentLoader.Load(path);
        foreach (var message in result.Messages.Where(m => !noInfo || m.Severity != Severity.Info))
        {
            output.WriteLine(message);
        }

        var errors = result.Messages.Count(m => m.Severity == Severity.Error);
        var warnings = result.Messages.Count(m => m.Severity == Severity.Warning);
        var infos = result.Messages.Count(m => m.Severity == Severity.Info);
        var failed = errors > 0 || (warningsAsErrors && warnings > 0);
        var counts = result.Content?.Knowledge is { } k
            ? $"{k.Topics.Count} topics, {k.Regulations.Count} regulations, {k.Synonyms.Count} synonym groups, {k.OutOfScope.Count} out-of-scope groups"
            : "content not loadable";
        output.WriteLine($"{(failed ? "FAILED" : "OK")}: {Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(infos, "info")} "
            + $"({counts}; version {result.Version.ShortHash})");
        return failed ? ErrorsExitCode : 0;
    }

    private static string Plural(int count, string noun) => count == 1 || noun == "info" ? $"{count} {noun}" : $"{count} {noun}s";
}
