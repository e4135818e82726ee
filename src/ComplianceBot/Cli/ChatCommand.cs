using System.CommandLine;
using Microsoft.Bot.Builder;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>chat [--knowledge DIR] [--dialogs DIR]</c>: an interactive conversation in the terminal through the same bot as
/// the web host. The bot's greeting is followed by how to click a button and how to leave.
/// </summary>
public static class ChatCommand
{
    /// <summary>What the chat prints after the bot's greeting.</summary>
    public const string HowToUse = "(Type a button's number to click it. To leave, type 'exit' or press Ctrl+D.)";

    /// <summary>Creates the command, reading lines from <paramref name="input"/> and writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output, TextReader input)
    {
        var chat = new Command("chat", "Talk to the bot in the terminal (type a button's number to click it; 'exit' or Ctrl+D to leave). "
            + "Not recorded in the unanswered report.");
        var folders = ContentFolderOptions.AddTo(chat);
        chat.SetAction((result, cancellationToken) => CommandLine.Guard(result, () => RunAsync(folders.Resolve(result), input, output, cancellationToken)));
        return chat;
    }

    private static async Task<int> RunAsync(ContentFolders folders, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        using var services = ConsoleServices.Create(folders);
        var conversation = new ConsoleConversation(services.GetRequiredService<IBot>(), services.GetRequiredService<TimeProvider>());
        var renderer = ConsoleRenderer.For(output);
        renderer.WriteAll(await conversation.StartAsync(cancellationToken));
        output.WriteLine(HowToUse);
        output.WriteLine();
        while (!cancellationToken.IsCancellationRequested)
        {
            output.Write("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "exit" or "quit")
            {
                break;
            }

            renderer.WriteAll(await conversation.SendAsync(line, cancellationToken));
        }

        return 0;
    }
}
