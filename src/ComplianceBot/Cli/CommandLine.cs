using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>
/// The command line. Without a command it starts the web host (<c>serve</c>); each other command lives in its own
/// file (<c>*Command.cs</c>) and is added here. Parsing, usage errors, typo suggestions and help are System.CommandLine's.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code when the content, the configuration or an input file is invalid or cannot be read.</summary>
    public const int InvalidSetupExitCode = 1;

    /// <summary>Exit code for a mistyped command, option or value (nothing runs).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code when a folder or file named on the command line or in configuration does not exist.</summary>
    public const int NotFoundExitCode = 2;

    /// <summary>Exit code when a command failed unexpectedly (a bug: the message names the exception).</summary>
    public const int CrashExitCode = 70;

    /// <summary>Name of the command that starts the web host, also run when no command is given.</summary>
    public const string ServeCommandName = "serve";

    /// <summary>Builds the root command and its commands.</summary>
    /// <param name="output">Where commands write (standard output in production).</param>
    /// <param name="input">Where <c>chat</c> reads (standard input in production).</param>
    /// <param name="time">The clock that dates new topics; <see cref="TimeProvider.System"/> when null.</param>
    public static RootCommand Build(TextWriter output, TextReader input, TimeProvider? time = null)
    {
        var root = new RootCommand("ComplianceBot: answers questions on China's VPN and cross-border networking rules. "
            + $"Without a command it starts the bot's web host ('{ServeCommandName}').");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AskCommand.Create(output));
        root.Subcommands.Add(ChatCommand.Create(output, input));
        root.Subcommands.Add(EvalCommand.Create(output));
        root.Subcommands.Add(ExplainCommand.Create(output));
        root.Subcommands.Add(TeamsPackageCommand.Create(output));
        root.Subcommands.Add(EvalScenariosCommand.Create(output));
        root.Subcommands.Add(EvalConversationsCommand.Create(output));
        root.Subcommands.Add(ValidateCommand.Create(output));
        root.Subcommands.Add(NewTopicCommand.Create(output, time ?? TimeProvider.System));
        root.Subcommands.Add(ReportCommand.Create(output));
        root.Subcommands.Add(ImpactCommand.Create(output));
        root.Subcommands.Add(TestCommand.Create(output));
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> with <paramref name="root"/>. No arguments, or only options the root does not
    /// have (<c>--urls http://localhost:5000</c>), mean <c>serve</c>. Response files are off: a question such as
    /// "@grace is a paid vpn legal" is text, not a file to read arguments from.
    /// </summary>
    public static ParseResult Parse(RootCommand root, string[] args)
    {
        var rootOptions = root.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        string[] command = args is [] || (args[0].StartsWith('-') && !rootOptions.Contains(args[0])) ? [ServeCommandName, .. args] : args;
        return root.Parse(command, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>
    /// Runs what <paramref name="result"/> parsed. A usage error (an option the command does not have, a missing or
    /// extra argument, a value of the wrong type) is reported by System.CommandLine (the errors and its "did you
    /// mean" suggestions), followed by a line pointing at the command's help, and returns <see cref="UsageExitCode"/>
    /// without running anything. So is a word written like an option (<c>--jsn</c>) that the command would otherwise
    /// take as its argument; after <c>--</c> every word is an argument.
    /// </summary>
    /// <param name="result">What <see cref="Parse"/> returned.</param>
    /// <param name="configuration">Output and error writers; null for the console.</param>
    public static async Task<int> InvokeAsync(ParseResult result, InvocationConfiguration? configuration = null)
    {
        var error = configuration?.Error ?? Console.Error;
        var mistyped = OptionLikeArguments(result).ToList();
        foreach (var token in mistyped)
        {
            var options = result.CommandResult.Command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help")
                .Select(o => o.Name).ToList();
            var hint = options.Count > 0 && FuzzySharp.Process.ExtractOne(token, options) is { Score: >= 70 } closest ? $"did you mean '{closest.Value}'?"
                : options.Count > 0 ? $"its options: {string.Join(", ", options)}." : "it has no options.";
            error.WriteLine($"'{token}' is not an option of '{CommandPath(result)}'; {hint} (A word that starts with '-' is read as an argument only after '--'.)");
        }

        if (result.Errors.Count == 0 && mistyped.Count == 0)
        {
            return await result.InvokeAsync(configuration);
        }

        if (result.Action is ParseErrorAction parseError)
        {
            parseError.ShowHelp = false; // the errors and suggestions, not the whole help page
            await result.InvokeAsync(configuration);
        }

        error.WriteLine($"See '{CommandPath(result)} --help'.");
        return UsageExitCode;
    }

    // System.CommandLine takes a word that starts with '-' but is no option of the command as the value of its argument
    // ("ask is a vpn legal --jsn" would ask about "--jsn"). Before "--", such a word is a mistyped option.
    private static IEnumerable<string> OptionLikeArguments(ParseResult result)
    {
        var argumentValues = result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        return result.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash)
            .Where(t => argumentValues.Contains(t) && t.Value.StartsWith('-') && t.Value.TrimStart('-') is [var first, ..] && char.IsAsciiLetter(first))
            .Select(t => t.Value.Split('=', 2)[0]);
    }

    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result.CommandResult; current is CommandResult c && c.Command is not RootCommand; current = current.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names.Count == 0 ? "compliancebot" : string.Join(' ', names);
    }

    /// <summary>
    /// Runs a command so that it never ends in a stack trace: any exception becomes one line,
    /// <c>error: &lt;message&gt;</c>, on the invocation's error writer (standard error), and a non-zero exit code:
    /// <see cref="NotFoundExitCode"/> for a content folder that does not exist, <see cref="InvalidSetupExitCode"/>
    /// for invalid content, settings, input files or folders, <see cref="CrashExitCode"/> for anything unexpected.
    /// Cancellation (Ctrl+C) still ends the command the usual way.
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
            return ex is ContentFolderNotFoundException ? NotFoundExitCode : expected ? InvalidSetupExitCode : CrashExitCode;
        }
    }
}
