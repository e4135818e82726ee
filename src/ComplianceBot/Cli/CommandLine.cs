using System.CommandLine;
using System.CommandLine.Parsing;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>
/// The command line. Without a command (or with <c>serve</c>) it starts the web host; each other command lives in
/// its own file (<c>*Command.cs</c>) and is added here. Parsing and help come from System.CommandLine.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code when the content, the configuration or an input file is invalid or cannot be read.</summary>
    public const int InvalidSetupExitCode = 1;

    /// <summary>Exit code for a mistyped command.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code when a command failed unexpectedly (a bug: the message names the exception).</summary>
    public const int CrashExitCode = 70;

    /// <summary>Builds the root command. Tokens the root does not know are passed to the web host (e.g. <c>--urls</c>).</summary>
    /// <param name="output">Where commands write (standard output in production).</param>
    /// <param name="input">Where <c>chat</c> reads (standard input in production).</param>
    public static RootCommand Build(TextWriter output, TextReader input)
    {
        var root = new RootCommand("ComplianceBot: answers questions on China's VPN and cross-border networking rules. Without a command it starts the bot's web host.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((result, cancellationToken) =>
        {
            // Host settings (--urls ..., --Matching:AnswerThreshold=...) pass through; a bare word is a mistyped command.
            if (result.UnmatchedTokens.FirstOrDefault() is { } first && !first.StartsWith('-'))
            {
                output.WriteLine($"error: {UnknownCommand(root, "compliancebot", first)} (see --help).");
                return Task.FromResult(UsageExitCode);
            }

            return Guard(result, () => ServeAsync([.. result.UnmatchedTokens], cancellationToken));
        });

        var serve = new Command(ServeCommandName, "Start the web host: POST /api/messages on http://localhost:3978 by default.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, cancellationToken) => Guard(result, () => ServeAsync([.. result.UnmatchedTokens], cancellationToken)));

        root.Subcommands.Add(serve);
        root.Subcommands.Add(AskCommand.Create(output));
        root.Subcommands.Add(ChatCommand.Create(output, input));
        root.Subcommands.Add(EvalCommand.Create(output));
        root.Subcommands.Add(ExplainCommand.Create(output));
        root.Subcommands.Add(TeamsPackageCommand.Create(output));
        root.Subcommands.Add(EvalScenariosCommand.Create(output));
        root.Subcommands.Add(ValidateCommand.Create(output));
        root.Subcommands.Add(ReportCommand.Create(output));
        root.Subcommands.Add(ImpactCommand.Create(output));
        root.Subcommands.Add(TestCommand.Create(output));
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> with <paramref name="root"/>. Response files are off: a question such as
    /// "@grace is a paid vpn legal" is text, not a file to read arguments from.
    /// </summary>
    public static ParseResult Parse(RootCommand root, string[] args) =>
        root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>
    /// Runs the command <paramref name="result"/> parsed, after checking its usage: an option the command does not have
    /// (<c>validate --knowlege DIR</c>), an argument it does not take, or any other parse error (a missing argument, a
    /// value of the wrong type) prints <c>error: …</c> lines naming the token (with a "did you mean" for a near option
    /// name) on the error writer and returns <see cref="UsageExitCode"/> without running anything. The web host
    /// (no command, or <c>serve</c>) still takes the host's own settings (<c>--urls</c>, <c>--Section:Key=value</c>).
    /// </summary>
    /// <param name="result">What <see cref="Parse"/> returned.</param>
    /// <param name="configuration">Output and error writers; null for the console.</param>
    public static Task<int> InvokeAsync(ParseResult result, InvocationConfiguration? configuration = null)
    {
        var errors = UsageErrors(result);
        if (errors.Count == 0)
        {
            return result.InvokeAsync(configuration);
        }

        var error = configuration?.Error ?? Console.Error;
        foreach (var message in errors)
        {
            error.WriteLine("error: " + message);
        }

        error.WriteLine($"See '{CommandPath(result.CommandResult)} --help'.");
        return Task.FromResult(UsageExitCode);
    }

    /// <summary>
    /// The usage errors of <paramref name="result"/>: System.CommandLine's own parse errors, then every unknown option
    /// (an unmatched token, or an argument value written like an option, <c>--nmae</c>, <c>-x</c>, unless it follows
    /// <c>--</c>), or, when there is none, every extra argument (with a mistyped option, extra words are most likely its value). Empty for the web host, which passes unmatched tokens to ASP.NET Core, and for <c>--help</c>.
    /// </summary>
    internal static IReadOnlyList<string> UsageErrors(ParseResult result)
    {
        var errors = result.Errors.Select(e => e.Message).ToList();
        var command = result.CommandResult.Command;
        var name = CommandPath(result.CommandResult);
        if (result.Action is System.CommandLine.Help.HelpAction)
        {
            return errors;
        }

        if (command is RootCommand || command.Name == ServeCommandName)
        {
            // The web host: its unmatched tokens are host settings, checked here so a mistyped one does not start a server.
            return errors.Count > 0 ? errors : HostSettingErrors(result.UnmatchedTokens, name);
        }

        if (command.Subcommands.Count > 0 && result.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } mistyped)
        {
            // "report unansered": name the word and the closest command instead of "Required command was not provided".
            return [UnknownCommand(command, name, mistyped)];
        }

        if (!command.TreatUnmatchedTokensAsErrors)
        {
            return errors;
        }

        var unknownOptions = result.UnmatchedTokens.Where(LooksLikeOption).ToList();
        if (!result.Tokens.Any(t => t.Type == TokenType.DoubleDash))
        {
            // An unknown option before the arguments takes an argument's place ("eval --verbos=1 file.jsonl").
            unknownOptions.InsertRange(0, result.CommandResult.Children.OfType<ArgumentResult>()
                .SelectMany(a => a.Tokens).Select(t => t.Value).Where(LooksLikeOption));
        }

        errors.AddRange(unknownOptions.Select(token => UnknownOption(command, name, token)));
        if (unknownOptions.Count == 0)
        {
            // Extra words, reported only when no option was mistyped: those are then most likely its value.
            errors.AddRange(result.UnmatchedTokens.Select(token => $"'{name}' does not take the argument '{token}'."));
        }

        return errors;
    }

    /// <summary>Name of the command that starts the web host.</summary>
    public const string ServeCommandName = "serve";

    // What the web host reads from its command line besides the sections of the appsettings.json it finds (read at run
    // time, below): ASP.NET Core's host settings, and the options sections the host binds (also when appsettings.json lacks them).
    private static readonly string[] HostSettings =
    [
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports", "AllowedHosts",
        "Kestrel", "Logging", "detailedErrors", "shutdownTimeoutSeconds", "hostingStartupAssemblies",
        "hostingStartupExcludeAssemblies", "preventHostingStartup", "suppressStatusMessages", "MicrosoftAppType",
        "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppCertificateThumbprint",
        Hosting.ContentOptions.SectionName, Reporting.UnansweredOptions.SectionName, Core.Matching.MatcherOptions.SectionName,
        Hosting.HostingOptions.SectionName, Hosting.InputLimitsOptions.SectionName, Hosting.OutboundHttpOptions.SectionName,
        Slack.SlackOptions.SectionName, Web.WebChatOptions.SectionName, TeamsApp.TeamsAppOptions.SectionName,
    ];

    // The top-level keys of the appsettings.json the host will read, so a section added there can be overridden at once.
    private static readonly Lazy<IReadOnlyList<string>> AppSettingsSections = new(() =>
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Hosting.ContentRootLocator.Find(), "appsettings.json")),
                new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return []; // the host reports a missing or broken appsettings.json itself when it starts
        }
    });

    /// <summary>
    /// The usage errors of the web host's settings (<c>--urls URL</c>, <c>--Section:Key=value</c>,
    /// <c>--Section:Key value</c>, as ASP.NET Core's command-line configuration reads them): a setting whose name (its first
    /// part before <c>:</c>) is neither a host setting nor a section of <c>appsettings.json</c>, or one without a value.
    /// Bare words are left to the caller (a mistyped command).
    /// </summary>
    internal static IReadOnlyList<string> HostSettingErrors(IReadOnlyList<string> tokens, string commandName)
    {
        var errors = new List<string>();
        var known = HostSettings.Concat(AppSettingsSections.Value).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith('-') || token == "--")
            {
                continue;
            }

            var setting = token.TrimStart('-').Split('=', 2);
            var key = setting[0];
            var section = key.Split(':', 2)[0];
            if (!known.Contains(section, StringComparer.OrdinalIgnoreCase) || !token.StartsWith("--", StringComparison.Ordinal))
            {
                var closest = Closest(section, known);
                var hint = closest.Score >= 70 ? $"; did you mean '--{closest.Name}{key[section.Length..]}'?"
                    : " (it takes host settings such as --urls http://localhost:3978 and --Section:Key=value overrides of appsettings.json)";
                errors.Add($"unknown option '{token.Split('=', 2)[0]}' for '{commandName}'{hint}");
            }
            else if (setting.Length == 1 && (i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                errors.Add($"'{token}' needs a value ('{token} VALUE' or '{token}=VALUE').");
            }

            if (setting.Length == 1)
            {
                i++; // the value
            }
        }

        return errors;
    }

    // The name most like what was typed, ignoring case, and its FuzzySharp ratio (0 to 100; 0 when there are no names).
    private static (string Name, int Score) Closest(string typed, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Score: FuzzySharp.Fuzz.Ratio(typed.ToLowerInvariant(), n.ToLowerInvariant())))
            .OrderByDescending(x => x.Score).FirstOrDefault();

    private static string UnknownCommand(Command command, string commandName, string token)
    {
        var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var closest = Closest(token, names);
        var where = command is RootCommand ? string.Empty : $" for '{commandName}'";
        return closest.Score >= 60
            ? $"unknown command '{token}'{where}; did you mean '{closest.Name}'?"
            : $"unknown command '{token}'{where}; its commands: {string.Join(", ", names)}";
    }

    private static bool LooksLikeOption(string token) =>
        (token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(token[2]))
        || (token.Length == 2 && token[0] == '-' && char.IsAsciiLetter(token[1]));

    private static string UnknownOption(Command command, string commandName, string token)
    {
        var option = token.Split('=', 2)[0];
        var known = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal) && n != "--help").Distinct(StringComparer.Ordinal).ToList();
        var closest = Closest(option, known);
        var hint = closest.Score >= 70 ? $"; did you mean '{closest.Name}'?"
            : known.Count > 0 ? $" (its options: {string.Join(", ", known)})" : " (it has no options)";
        return $"unknown option '{option}' for '{commandName}'{hint}";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult c && c.Command is not RootCommand; current = current.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names.Count == 0 ? "compliancebot" : string.Join(' ', names);
    }

    /// <summary>
    /// Runs a command so that it never ends in a stack trace: any exception becomes one line,
    /// <c>error: &lt;message&gt;</c>, on the invocation's error writer (standard error), and a non-zero exit code:
    /// <see cref="InvalidSetupExitCode"/> for invalid content, settings, input files or folders, <see cref="CrashExitCode"/>
    /// for anything unexpected. Cancellation (Ctrl+C) still ends the command the usual way.
    /// </summary>
    internal static async Task<int> Guard(ParseResult result, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var expected = ex is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException
                or IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException;
            var message = expected ? ex.Message : $"unexpected {ex.GetType().Name}: {ex.Message}";
            await result.InvocationConfiguration.Error.WriteLineAsync("error: " + message);
            return expected ? InvalidSetupExitCode : CrashExitCode;
        }
    }

    private static async Task<int> ServeAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = BotHost.Create(args);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
