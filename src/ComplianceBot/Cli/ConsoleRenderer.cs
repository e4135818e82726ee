using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Cli;

/// <summary>Prints bot activities in a terminal: Markdown emphasis removed, buttons as a numbered list.</summary>
public static partial class ConsoleRenderer
{
    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])_(.+?)_(?!\w)")]
    private static partial Regex Italic();

    /// <summary>Writes each of <paramref name="activities"/> to <paramref name="output"/>.</summary>
    public static void WriteAll(IEnumerable<Activity> activities, TextWriter output)
    {
        foreach (var activity in activities)
        {
            Write(activity, output);
        }
    }

    /// <summary>Writes <paramref name="activity"/> to <paramref name="output"/>.</summary>
    public static void Write(Activity activity, TextWriter output)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            output.WriteLine(Italic().Replace(Bold().Replace(activity.Text, "$1"), "$1"));
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
