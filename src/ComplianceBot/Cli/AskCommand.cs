using System.CommandLine;
using Microsoft.Bot.Builder;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>ask "&lt;question&gt;" [--json]</c>: one question through the bot, the answer (or its value object) printed. Several
/// words without quotes are one question, joined with spaces (<c>ask can i use a vpn</c> = <c>ask "can i use a vpn"</c>).
/// </summary>
public static class AskCommand
{
    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var question = new Argument<string[]>("question")
        {
            Description = "The question; quotes are optional: several words are joined with spaces (ask can i use a vpn).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print the machine-readable value object(s) instead of the text." };
        var ask = new Command("ask", "Ask one question and print the answer.") { question, json };
        ask.SetAction((result, cancellationToken) =>
            CommandLine.Guard(result, () => RunAsync(string.Join(' ', result.GetRequiredValue(question)), result.GetValue(json), output, cancellationToken)));
        return ask;
    }

    private static async Task<int> RunAsync(string question, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        using var services = ConsoleServices.Create();
        var conversation = new ConsoleConversation(services.GetRequiredService<IBot>(), services.GetRequiredService<TimeProvider>());
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
}
