using System.CommandLine;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>ask "&lt;question&gt;" [--json] [--knowledge DIR] [--dialogs DIR]</c>: one question through the bot, the answer
/// (or its value object) printed. Several words without quotes are one question, joined with spaces
/// (<c>ask can i use a vpn</c> = <c>ask "can i use a vpn"</c>). A conversation of one message: when the bot answers
/// with a question of a check, the text says how to go on (<c>chat</c>, or every fact in one question).
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
        var ask = new Command("ask", "Ask one question and print the answer (a conversation of one message: for a check's questions use 'chat'). "
            + "Not recorded in the unanswered report.") { question, json };
        var folders = ContentFolderOptions.AddTo(ask);
        ask.SetAction((result, cancellationToken) => CommandLine.Guard(result, () =>
            RunAsync(string.Join(' ', result.GetRequiredValue(question)), result.GetValue(json), folders.Resolve(result), output, cancellationToken)));
        return ask;
    }

    private static async Task<int> RunAsync(string question, bool json, ContentFolders folders, TextWriter output, CancellationToken cancellationToken)
    {
        using var services = ConsoleServices.Create(folders);
        var conversation = new ConsoleConversation(services.GetRequiredService<IBot>(), services.GetRequiredService<TimeProvider>());
        var replies = await conversation.SendAsync(question, cancellationToken);
        var renderer = ConsoleRenderer.For(output);
        foreach (var reply in replies)
        {
            if (!json)
            {
                renderer.Write(reply);
            }
            else if (reply.Value is not null)
            {
                output.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(reply.Value));
            }
        }

        if (!json && replies.LastOrDefault()?.Value is JObject { } value && (string?)value["type"] == "prompt")
        {
            var dialog = services.GetRequiredService<IContentProvider>().Current.Snapshot.FindDialog((string?)value["dialog"]);
            output.WriteLine(HowToContinue(dialog?.Slots.Select(s => s.Label.En.ToLowerInvariant()).ToList() ?? []));
        }

        return 0;
    }

    /// <summary>What to do after a check's question, which <c>ask</c> cannot take an answer to.</summary>
    /// <param name="facts">What the check asks about (its slots' labels), to name in the advice.</param>
    internal static string HowToContinue(IReadOnlyList<string> facts)
    {
        var all = facts.Count > 0 ? $" ({string.Join("; ", facts)})" : string.Empty;
        return "(This is a check, and 'ask' sends one message only. To answer its questions, run 'chat' and ask there; "
            + $"or put every fact{all} in one question to 'ask'.)";
    }
}
