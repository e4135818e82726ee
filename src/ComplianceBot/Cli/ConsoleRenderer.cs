using Microsoft.Bot.Schema;

namespace ComplianceBot.Cli;

/// <summary>
/// Prints bot activities in a terminal: the Markdown text rendered by <see cref="TerminalMarkdown"/>, buttons as a
/// numbered list (<c>[1] Title</c>) that <c>chat</c> reads back, a blank line after each activity.
/// </summary>
/// <param name="output">Where to write.</param>
/// <param name="styles">Whether to use ANSI styles (bold, italics, colour).</param>
public sealed class ConsoleRenderer(TextWriter output, bool styles)
{
    /// <summary>
    /// A renderer for <paramref name="output"/>: with styles when it is the console's standard output, that output
    /// is a terminal (not redirected to a file or a pipe) and <c>NO_COLOR</c> is not set (https://no-color.org).
    /// </summary>
    public static ConsoleRenderer For(TextWriter output) => new(output,
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>Writes each of <paramref name="activities"/>.</summary>
    public void WriteAll(IEnumerable<Activity> activities)
    {
        foreach (var activity in activities)
        {
            Write(activity);
        }
    }

    /// <summary>Writes <paramref name="activity"/>.</summary>
    public void Write(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            output.WriteLine(TerminalMarkdown.Render(activity.Text, styles));
        }

        var actions = activity.SuggestedActions?.Actions;
        if (actions is { Count: > 0 })
        {
            for (var i = 0; i < actions.Count; i++)
            {
                output.WriteLine($"  [{i + 1}] {actions[i].Title}");
            }
        }

        output.WriteLine();
    }
}
