using System.CommandLine;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>test [FILE|FOLDER ...] [--knowledge DIR] [--dialogs DIR] [--name TEXT]</c>: runs conversation scripts (the
/// format of <c>tests/ComplianceBot.Tests/Conversations/README.md</c>) against the current content, each in a fresh
/// conversation with the same bot logic the channels use, and prints PASS or FAIL per script with what the bot said
/// instead. Default scripts: <c>knowledge/tests/*.yaml</c> (the compliance team's FAQ scripts) and
/// <c>dialogs/tests/*.yaml</c> (every row of every contract decision table), so a changed rule fails here.
/// </summary>
/// <remarks>
/// Exit codes: 0 every script passed; 1 a script failed, a script file has errors, or the content has errors; 2
/// nothing was tested (a folder or file that does not exist, no script files, or no script matching <c>--name</c>).
/// </remarks>
public static class TestCommand
{
    /// <summary>Exit code when a script failed or could not be read, or the content has errors.</summary>
    public const int FailedExitCode = 1;

    /// <summary>Exit code when nothing was tested: a missing folder or file, no script files, or no script matching <c>--name</c>.</summary>
    public const int NothingToRunExitCode = 2;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var paths = new Argument<string[]>("scripts")
        {
            Description = "Script files or folders of *.yaml scripts (default: the tests folders inside the knowledge and dialogs folders).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var name = new Option<string?>("--name") { Description = "Run only the scripts whose name contains this text." };
        var test = new Command("test", "Run conversation test scripts against the current content and report pass/fail per script.")
        {
            paths, name,
        };
        var folders = ContentFolderOptions.AddTo(test);
        test.SetAction((result, cancellationToken) => CommandLine.Guard(result, () => RunAsync(result.GetValue(paths) ?? [],
            folders.Resolve(result), result.GetValue(name), output, cancellationToken)));
        return test;
    }

    private static async Task<int> RunAsync(string[] paths, ContentFolders folders, string? name, TextWriter output, CancellationToken cancellationToken)
    {
        var (knowledgePath, dialogsPath) = folders;
        var notFound = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (notFound.Count > 0)
        {
            notFound.ForEach(p => output.WriteLine($"error: file not found: {p}"));
            return NothingToRunExitCode;
        }

        if (LoadedContent.LoadOrReport(folders, output) is not { Content: { } content })
        {
            return FailedExitCode;
        }

        string[] searched = paths.Length > 0
            ? paths
            : [Path.Combine(knowledgePath, ContentLoader.TestsFolder), Path.Combine(dialogsPath, ContentLoader.TestsFolder)];
        var files = ScriptFiles(searched);
        if (files.Count == 0)
        {
            output.WriteLine($"error: no script files (*.yaml) found in {string.Join(", ", searched.Select(Shown))}.");
            return NothingToRunExitCode;
        }

        var served = new FixedContentProvider(ServedContent.Create(content, MatcherOptionsFromConfiguration()));
        int passed = 0, failed = 0, scripts = 0;
        foreach (var file in files)
        {
            var script = ScriptFile.Load(file, Shown(file));
            foreach (var message in script.Messages)
            {
                output.WriteLine(message);
            }

            if (script.HasErrors)
            {
                failed++;
                continue;
            }

            scripts += script.Scripts.Count;
            foreach (var conversation in script.Scripts.Where(s => name is null || s.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                await using var driver = new AssistantDriver(served);
                var result = await ScriptRunner.RunAsync(conversation, driver, cancellationToken);
                output.WriteLine(result.Passed ? $"PASS {conversation.Name}" : $"FAIL {conversation.Name}");
                if (!result.Passed)
                {
                    output.WriteLine(Indent(result.Failure!));
                    failed++;
                }
                else
                {
                    passed++;
                }
            }
        }

        if (passed + failed == 0)
        {
            output.WriteLine($"error: no script matched --name '{name}' ({scripts} scripts in {files.Count} files); nothing was tested.");
            return NothingToRunExitCode;
        }

        output.WriteLine($"{passed} passed, {failed} failed (content version {content.Version.ShortHash})");
        return failed > 0 ? FailedExitCode : 0;
    }

    private static List<string> ScriptFiles(IEnumerable<string> paths) =>
        paths.SelectMany(FilesAt).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> FilesAt(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.*")
                .Where(ContentLoader.IsYaml)
                .Order(StringComparer.Ordinal);
        }

        return File.Exists(path) ? [path] : [];
    }

    private static MatcherOptions MatcherOptionsFromConfiguration()
    {
        var (_, configuration) = ConsoleServices.ReadConfiguration();
        var options = new MatcherOptions();
        configuration.GetSection(MatcherOptions.SectionName).Bind(options);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }

        return options;
    }

    private static string Shown(string file) => ShownPath.Of(file);

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.TrimEnd().Split('\n').Select(line => line.Trim().Length == 0 ? string.Empty : "    " + line.TrimEnd('\r')));
}
