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
/// instead. Default scripts: <c>knowledge/tests/*.yaml</c>, the compliance team's own.
/// </summary>
/// <remarks>Exit codes: 0 every script passed; 1 a script failed, a script file has errors, or the content has errors; 2 nothing to run.</remarks>
public static class TestCommand
{
    /// <summary>Folder of the compliance team's scripts inside the knowledge folder.</summary>
    public const string ScriptsFolder = "tests";

    /// <summary>Exit code when a script failed or could not be read, or the content has errors.</summary>
    public const int FailedExitCode = 1;

    /// <summary>Exit code when no script file was found.</summary>
    public const int NothingToRunExitCode = 2;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var paths = new Argument<string[]>("scripts")
        {
            Description = "Script files or folders of *.yaml scripts (default: the tests folder inside the knowledge folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var knowledge = new Option<DirectoryInfo?>("--knowledge") { Description = "The knowledge folder to test (default: Content:KnowledgePath of appsettings.json)." };
        var dialogs = new Option<DirectoryInfo?>("--dialogs") { Description = "The dialogs folder (default: Content:DialogsPath, or the dialogs folder next to --knowledge)." };
        var name = new Option<string?>("--name") { Description = "Run only the scripts whose name contains this text." };
        var test = new Command("test", "Run conversation test scripts against the current content and report pass/fail per script.")
        {
            paths, knowledge, dialogs, name,
        };
        test.SetAction((result, cancellationToken) => CommandLine.Guard(() => RunAsync(result.GetValue(paths) ?? [],
            result.GetValue(knowledge), result.GetValue(dialogs), result.GetValue(name), output, cancellationToken)));
        return test;
    }

    private static async Task<int> RunAsync(string[] paths, DirectoryInfo? knowledge, DirectoryInfo? dialogs, string? name,
        TextWriter output, CancellationToken cancellationToken)
    {
        var (knowledgePath, dialogsPath) = ValidateCommand.ContentPaths(knowledge, dialogs);
        var loaded = ContentLoader.Load(knowledgePath, dialogsDirectory: dialogsPath);
        if (loaded.Content is null)
        {
            output.WriteLine("The content has errors; fix them first (run 'validate'):");
            loaded.Messages.Where(m => m.Severity == Severity.Error).ToList().ForEach(output.WriteLine);
            return FailedExitCode;
        }

        var files = ScriptFiles(paths.Length > 0 ? paths : [Path.Combine(knowledgePath, ScriptsFolder)]);
        if (files.Count == 0)
        {
            output.WriteLine($"No script files found in {string.Join(", ", paths.Length > 0 ? paths : [Path.Combine(knowledgePath, ScriptsFolder)])}.");
            return NothingToRunExitCode;
        }

        var content = new FixedContentProvider(ServedContent.Create(loaded.Content, MatcherOptionsFromConfiguration()));
        int passed = 0, failed = 0;
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

            foreach (var conversation in script.Scripts.Where(s => name is null || s.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                await using var driver = new AssistantDriver(content);
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

        output.WriteLine($"{passed} passed, {failed} failed (content version {loaded.Content.Version.ShortHash})");
        return failed > 0 ? FailedExitCode : 0;
    }

    private static List<string> ScriptFiles(IEnumerable<string> paths) =>
        paths.SelectMany(FilesAt).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> FilesAt(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.*")
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
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

    private static string Shown(string file)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(line => "    " + line.TrimEnd('\r')));
}
