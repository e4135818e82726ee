using System.CommandLine;
using Microsoft.Bot.Builder;

namespace ComplianceBot.Cli;

/// <summary><c>chat</c>: an interactive conversation in the terminal through the same bot as the web host.</summary>
public static class ChatCommand
{
    /// <summary>Creates the command, reading lines from <paramref name="input"/> and writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output, TextReader input)
    {
        var chat = new Command("chat", "Talk to the bot in the terminal (type a button's number to click it; 'exit' or Ctrl+D to leave).");
        chat.SetAction((result, cancellationToken) => CommandLine.Guard(result, () => RunAsync(input, output, cancellationToken)));
        return chat;
    }

    private static async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        using var services = ConsoleServices.Create();
        var conversation = new ConsoleConversation(services.GetRequiredService<IBot>(), services.GetRequiredService<TimeProvider>());
        ConsoleRenderer.WriteAll(await conversation.StartAsync(cancellationToken), output);
        while (!cancellationToken.IsCancellationRequested)
        {
            output.Write("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "exit" or "quit")
            {
                break;
            }

            ConsoleRenderer.WriteAll(await conversation.SendAsync(line, cancellationToken), output);
        }

        return 0;
    }
}
