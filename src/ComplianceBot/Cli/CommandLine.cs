using System.CommandLine;
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
                output.WriteLine($"error: unknown command '{first}'. Commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))} (see --help).");
                return Task.FromResult(UsageExitCode);
            }

            return Guard(result, () => ServeAsync([.. result.UnmatchedTokens], cancellationToken));
        });

        var serve = new Command("serve", "Start the web host: POST /api/messages on http://localhost:3978 by default.")
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
