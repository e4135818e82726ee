using Microsoft.Bot.Schema;

namespace ComplianceBot.Cli;

/// <summary>
/// Prints bot activities in a terminal: the Markdown text rendered by <see cref="TerminalMarkdown"/>, buttons as a
/// numbered list (<c>[1] Title</c>) that <c>chat</c> reads back (only the turn's last list: see <see cref="WriteAll"/>),
/// a blank line after each activity.
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

    /// <summary>
    /// Writes each of <paramref name="activities"/> (one turn's replies). Only the buttons of the last activity that has
    /// any are numbered: a typed number picks from that list, so an answer given in the middle of a check lists its
    /// buttons with "-", and "1" can only mean the check's first choice, never the answer's first related topic.
    /// </summary>
    public void WriteAll(IEnumerable<Activity> activities)
    {
        var list = activities.ToList();
        var numbered = list.FindLastIndex(a => a.SuggestedActions?.Actions is { Count: > 0 });
        for (var i = 0; i < list.Count; i++)
        {
            Write(list[i], numbered: i == numbered);
        }
    }

    /// <summary>Writes <paramref name="activity"/>, its buttons numbered.</summary>
    public void Write(Activity activity) => Write(activity, numbered: true);

    private void Write(Activity activity, bool numbered)
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
                output.WriteLine(numbered ? $"  [{i + 1}] {actions[i].Title}" : $"  - {actions[i].Title}");
            }
        }

        output.WriteLine();
    }
}
