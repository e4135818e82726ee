using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ComplianceBot.Cli;
using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Docs;

/// <summary>
/// Carries out a document's steps as its reader would, in a scratch copy of the repository (the content, settings and
/// links to the rest), so nothing the document does touches the repository's knowledge/, dialogs/ or data/:
/// <list type="bullet">
/// <item><c>dotnet run --project src/ComplianceBot -- &lt;command&gt;</c> runs the real command line in-process
/// (standard input: the lines the document shows typed after <c>&gt; </c>, echoed as a terminal does);</item>
/// <item><c>dotnet run --project src/ComplianceBot</c> (no command, <c>serve</c>, host settings) is the long-running
/// host: checked by starting the real host on Kestrel on the scratch content, which the document's later
/// <c>curl</c> commands (to <c>http://localhost:3978</c>) then reach;</item>
/// <item>commands that cannot run inside a test are named in <see cref="NotRun"/> with the reason, and checked
/// another way (the script or project exists, a benchmark or test filter names a class that exists);</item>
/// <item>any other command (<c>cp</c>, <c>sed</c>, <c>curl</c>...) runs in bash.</item>
/// </list>
/// Paths under <c>/tmp/</c> in commands and files are moved into the scratch folder, and back in what is printed.
/// </summary>
public sealed partial class DocRunner : IAsyncDisposable
{
    /// <summary>The address the documents give for the running bot.</summary>
    public const string DocumentedAddress = "http://localhost:3978";

    private const string BotProject = "src/ComplianceBot";
    private readonly string _scratch;
    private readonly string _tmp;
    private BotServer? _server;

    public DocRunner()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "cb-docs-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_scratch, "repo");
        _tmp = Path.Combine(_scratch, "tmp");
        Directory.CreateDirectory(_tmp);
        Repo.CopyFolder(Path.Combine(Repo.Root, "knowledge"), Path.Combine(Root, "knowledge"));
        Repo.CopyFolder(Path.Combine(Repo.Root, "dialogs"), Path.Combine(Root, "dialogs"));
        File.Copy(Path.Combine(Repo.Root, "appsettings.json"), Path.Combine(Root, "appsettings.json"));
        foreach (var entry in Directory.EnumerateFileSystemEntries(Repo.Root))
        {
            var name = Path.GetFileName(entry);
            if (name is not ("knowledge" or "dialogs" or "data" or "appsettings.json" or "artifacts") && !name.StartsWith('.'))
            {
                File.CreateSymbolicLink(Path.Combine(Root, name), entry); // read-only use: sources, tests, scripts
            }
        }
    }

    /// <summary>The scratch copy of the repository the steps run in (their current folder).</summary>
    public string Root { get; }

    /// <summary>
    /// Commands that cannot run inside a test, each with why; the doc test checks them another way. A command is
    /// matched by its first words.
    /// </summary>
    public static readonly IReadOnlyList<(string Prefix, string Reason)> NotRun =
    [
        ("./test.sh", "runs the whole test suite, this test included; checked: the script exists, is executable and is valid bash"),
        ("dotnet test", "runs tests (a test run inside a test); checked: the project exists and its --filter names a test class or method in it"),
        ("dotnet run -c Release --project bench/", "benchmarks take minutes; checked: the project exists and a --filter '*Name*' names a class in it"),
        ("tools/", "measures a running server for minutes; checked: the script exists, is executable and is valid bash"),
        ("bench/load/", "a load test of minutes; checked: the script exists, is executable and is valid bash"),
    ];

    /// <summary>Carries out <paramref name="step"/>; returns null when it did what the document says, else what differed.</summary>
    public async Task<string?> RunAsync(DocStep step)
    {
        if (step is FileStep file)
        {
            var path = ToScratch(file.Path);
            if (!Path.IsPathRooted(path))
            {
                path = Path.Combine(Root, path);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file.Content);
            return null;
        }

        var command = (CommandStep)step;
        if (Regex.IsMatch(command.Command, @"<[A-Za-z][^>]*>") && !command.Command.StartsWith("curl", StringComparison.Ordinal))
        {
            return "the command has a placeholder (<...>): show a command a reader can run as it is";
        }

        var (words, op) = ShellWords.Split(command.Command);
        if (NotRun.FirstOrDefault(n => command.Command.StartsWith(n.Prefix, StringComparison.Ordinal)) is { Prefix: not null } notRun)
        {
            return CheckNotRun(notRun.Prefix, words);
        }

        if (words is ["dotnet", "run", "--project", BotProject, ..])
        {
            if (op is not null)
            {
                return $"'{op}' in a command of the bot: the doc test runs the command line in-process; show one command per line";
            }

            var args = words.SkipWhile(w => w != "--").Skip(1).Select(ToScratch).ToArray();
            return args is [] or [CommandLine.ServeCommandName, ..] || args[0].StartsWith('-')
                ? await StartHostAsync(command)
                : await RunCommandLineAsync(command, args);
        }

        if (words is ["dotnet", ..])
        {
            return "a dotnet command the doc test does not know: run the bot as 'dotnet run --project src/ComplianceBot -- <command>', "
                + "or add the command to DocRunner.NotRun with the reason and another check";
        }

        return await RunShellAsync(command);
    }

    /// <summary>What <paramref name="output"/> printed, with scratch paths and the test host's address shown as the document shows them.</summary>
    public string Shown(string output)
    {
        var shown = output.Replace(_tmp + "/", "/tmp/").Replace(_tmp, "/tmp");
        return _server is null ? shown : shown.Replace(_server.Address.ToString().TrimEnd('/'), DocumentedAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private string ToScratch(string text) => text.Replace("/tmp/", _tmp + "/");

    private async Task<string?> RunCommandLineAsync(CommandStep step, string[] args)
    {
        var typed = step.Expected?.Where(l => l.Text.StartsWith("> ", StringComparison.Ordinal)).Select(l => l.Text[2..]) ?? [];
        var output = new StringWriter();
        var input = new EchoingReader(string.Join('\n', typed), output);
        var previous = Environment.CurrentDirectory;
        int exitCode;
        try
        {
            Environment.CurrentDirectory = Root;
            var root = CommandLine.Build(output, input);
            exitCode = await CommandLine.InvokeAsync(CommandLine.Parse(root, args), new InvocationConfiguration { Output = output, Error = output })
                .WaitAsync(Waiting.Guard);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        return Compare(step, exitCode, Shown(output.ToString()));
    }

    private async Task<string?> StartHostAsync(CommandStep step)
    {
        if (step.Expected is not null)
        {
            return "the doc test starts the host as a test host and does not compare its log; show the host's command without output";
        }

        await EnsureServerAsync();
        using var page = await _server!.Client.GetAsync("/");
        return page.IsSuccessStatusCode ? null : $"the host started, but its chat page at / answered {(int)page.StatusCode}";
    }

    private async Task EnsureServerAsync() => _server ??= await BotServer.StartAsync(new Dictionary<string, string?>
    {
        ["Content:KnowledgePath"] = Path.Combine(Root, "knowledge"),
        ["Content:DialogsPath"] = Path.Combine(Root, "dialogs"),
    });

    private async Task<string?> RunShellAsync(CommandStep step)
    {
        var script = ToScratch(step.Command);
        if (script.Contains(DocumentedAddress, StringComparison.Ordinal))
        {
            await EnsureServerAsync(); // a request to the running bot: the test host stands in for it
            script = script.Replace(DocumentedAddress, _server!.Address.ToString().TrimEnd('/'));
        }

        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Waiting.Guard);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            return $"the command did not finish within {Waiting.Guard.TotalSeconds} s";
        }

        return Compare(step, process.ExitCode, Shown(await stdout + await stderr));
    }

    private static string? Compare(CommandStep step, int exitCode, string output)
    {
        if (step.Expected is null)
        {
            return exitCode == 0 ? null : $"the command exited with {exitCode} (a command shown without output must succeed); it printed:\n{output}";
        }

        var difference = OutputMatch.Difference(step.Expected, output);
        return difference is null ? null : $"{difference}\n  the whole output (exit code {exitCode}):\n{Indent(output)}";
    }

    private static string? CheckNotRun(string prefix, IReadOnlyList<string> words)
    {
        var repo = Repo.Root;
        if (prefix.StartsWith("dotnet", StringComparison.Ordinal))
        {
            var project = prefix == "dotnet test" ? words.Skip(2).FirstOrDefault(w => !w.StartsWith('-'))
                : words.SkipWhile(w => w != "--project").Skip(1).FirstOrDefault();
            if (project is null || !Directory.Exists(Path.Combine(repo, project)) || !Directory.EnumerateFiles(Path.Combine(repo, project), "*.csproj").Any())
            {
                return $"project '{project}' does not exist";
            }

            var filter = words.SkipWhile(w => w != "--filter").Skip(1).FirstOrDefault();
            if (filter is null)
            {
                return null;
            }

            var name = filter.Split('~', '=').Last().Trim('*').Split('.').Last();
            var sources = Directory.EnumerateFiles(Path.Combine(repo, project), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
            return sources.Any(f => Regex.IsMatch(File.ReadAllText(f), $@"\b(class|void|Task)\s+{Regex.Escape(name)}\b"))
                ? null
                : $"the filter '{filter}' names no class or test method '{name}' in {project}";
        }

        var script = Path.Combine(repo, words[0]);
        if (!File.Exists(script))
        {
            return $"script '{words[0]}' does not exist";
        }

        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute))
        {
            return $"script '{words[0]}' is not executable";
        }

        using var check = Process.Start(new ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
        var errors = check.StandardError.ReadToEnd();
        check.WaitForExit();
        return check.ExitCode == 0 ? null : $"script '{words[0]}' is not valid bash: {errors}";
    }

    private static string Indent(string text) => string.Join('\n', OutputMatch.Lines(text).Select(l => "    | " + l));

    /// <summary>Standard input that echoes each line it hands out into the output, as a terminal shows what is typed.</summary>
    private sealed class EchoingReader(string text, TextWriter echo) : TextReader
    {
        private readonly StringReader _inner = new(text);

        public override string? ReadLine()
        {
            var line = _inner.ReadLine();
            if (line is not null)
            {
                echo.WriteLine(line);
            }

            return line;
        }

        public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());
    }
}
