using System.CommandLine;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Evaluation;
using ComplianceBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Cli;

/// <summary>
/// The command line: <c>serve</c> (the default: the web host), <c>ask</c>, <c>chat</c> and <c>eval</c>.
/// Parsing and help come from System.CommandLine.
/// </summary>
public static class CommandLine
{
    /// <summary>Builds the root command. Tokens the root does not know are passed to the web host (e.g. <c>--urls</c>).</summary>
    public static RootCommand Build(TextWriter output, TextReader input)
    {
        var root = new RootCommand("ComplianceBot: answers questions on China's VPN and cross-border networking rules. Without a command it starts the bot's web host.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((result, cancellationToken) => Guard(() => ServeAsync([.. result.UnmatchedTokens], cancellationToken)));

        var serve = new Command("serve", "Start the web host: POST /api/messages on http://localhost:3978 by default.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, cancellationToken) => Guard(() => ServeAsync([.. result.UnmatchedTokens], cancellationToken)));
        root.Subcommands.Add(serve);

        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var json = new Option<bool>("--json") { Description = "Print the machine-readable value object(s) instead of the text." };
        var ask = new Command("ask", "Ask one question and print the answer.") { question, json };
        ask.SetAction((result, cancellationToken) =>
            Guard(() => AskAsync(result.GetRequiredValue(question), result.GetValue(json), output, cancellationToken)));
        root.Subcommands.Add(ask);

        var chat = new Command("chat", "Talk to the bot in the terminal (type a button's number to click it; 'exit' or Ctrl+D to leave).");
        chat.SetAction((_, cancellationToken) => Guard(() => ChatAsync(input, output, cancellationToken)));
        root.Subcommands.Add(chat);

        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines file of {\"text\": ..., \"expect\": [ids]}." };
        var verbose = new Option<bool>("--verbose") { Description = "Also list the questions answered correctly." };
        var eval = new Command("eval", "Measure matching accuracy on a question set and list the misses.") { file, verbose };
        eval.SetAction((result, _) => Guard(() => Task.FromResult(Eval(result.GetRequiredValue(file), result.GetValue(verbose), output))));
        root.Subcommands.Add(eval);
        return root;
    }

    /// <summary>Exit code when the content or the configuration is invalid.</summary>
    public const int InvalidSetupExitCode = 1;

    /// <summary>Runs a command; invalid content or settings end it with their message (no stack trace) and exit code 1.</summary>
    private static async Task<int> Guard(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return InvalidSetupExitCode;
        }
    }

    private static async Task<int> ServeAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = BotHost.Create(args);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> AskAsync(string question, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        using var services = ConsoleServices.Create();
        var conversation = new ConsoleConversation(services.GetRequiredService<IBot>());
        foreach (var reply in await conversation.SendAsync(question, cancellationToken))
        {
            if (!json)
            {
                ConsoleRenderer.Write(reply, output);
            }
            else if (reply.Value is not null)
            {
                output.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(reply.Value));
            }
        }

        return 0;
    }

    private static async Task<int> ChatAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        using var services = ConsoleServices.Create();
        var conversation = new ConsoleConversation(services.GetRequiredService<IBot>());
        Write(await conversation.StartAsync(cancellationToken), output);
        while (!cancellationToken.IsCancellationRequested)
        {
            output.Write("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "exit" or "quit")
            {
                break;
            }

            Write(await conversation.SendAsync(line, cancellationToken), output);
        }

        return 0;
    }

    private static int Eval(FileInfo file, bool verbose, TextWriter output)
    {
        if (!file.Exists)
        {
            output.WriteLine($"error: {file.FullName} does not exist");
            return 2;
        }

        using var services = ConsoleServices.Create();
        var report = QuestionEvaluator.Run(services.GetRequiredService<ComplianceAssistant>(), EvalCase.ReadJsonLines(file.FullName));
        output.WriteLine($"questions: {report.Results.Count} ({report.InScope} in scope, {report.OutOfScope} out of scope)");
        output.WriteLine($"top-1 accuracy:         {report.TopOneAccuracy:P1}");
        output.WriteLine($"out-of-scope fallback:  {report.OutOfScopeRejection:P1}");
        output.WriteLine($"clarify rate:           {report.ClarifyRate:P1}");
        output.WriteLine($"answered or offered:    {report.AnsweredOrOffered:P1}");
        output.WriteLine($"ranked first:           {report.RankedFirst:P1}");
        var misses = report.Misses.ToList();
        output.WriteLine(misses.Count == 0 ? "misses: none" : $"misses ({misses.Count}):");
        foreach (var miss in misses)
        {
            var offered = miss.Candidates.Count > 0 ? $" [{string.Join(", ", miss.Candidates)}]" : string.Empty;
            output.WriteLine($"  line {miss.Case.Line}: \"{miss.Case.Text}\" expected {string.Join("|", miss.Case.Expect)}, got {miss.Got}{offered}"
                + (miss.Confidence is { } c ? $" ({c:F2})" : string.Empty));
        }

        if (verbose)
        {
            foreach (var hit in report.Results.Where(r => r.Correct))
            {
                output.WriteLine($"  ok line {hit.Case.Line}: \"{hit.Case.Text}\" -> {hit.Got}" + (hit.Confidence is { } c ? $" ({c:F2})" : string.Empty));
            }
        }

        return 0;
    }

    private static void Write(IEnumerable<Activity> replies, TextWriter output)
    {
        foreach (var reply in replies)
        {
            ConsoleRenderer.Write(reply, output);
        }
    }
}
