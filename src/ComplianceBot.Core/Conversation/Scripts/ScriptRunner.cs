using System.Text;

namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>The outcome of one script.</summary>
/// <param name="Script">The script run.</param>
/// <param name="Failure">
/// Null when it passed; otherwise where (file:line of the step), what differed, and the transcript up to that point.
/// </param>
public sealed record ScriptResult(ConversationScript Script, string? Failure)
{
    /// <summary>True when every step got the expected replies.</summary>
    public bool Passed => Failure is null;

    /// <summary><c>PASS name</c> or the failure report.</summary>
    public override string ToString() => Passed ? $"PASS {Script.Name}" : $"FAIL {Script.Name}\n{Failure}";
}

/// <summary>
/// Runs a <see cref="ConversationScript"/> against any <see cref="IConversationDriver"/> (core assistant, HTTP
/// endpoint, console) and reports the first difference with a readable transcript.
/// </summary>
public static class ScriptRunner
{
    /// <summary>Runs <paramref name="script"/> in the conversation <paramref name="driver"/> (fresh for this script).</summary>
    public static async Task<ScriptResult> RunAsync(ConversationScript script, IConversationDriver driver, CancellationToken cancellationToken = default)
    {
        var transcript = new List<string>();
        IReadOnlyList<ObservedReply> previous = [];
        foreach (var step in script.Steps)
        {
            var where = $"{script.File}:{step.Line}";
            transcript.Add(step.Describe());
            if (step.Deploy is { } change)
            {
                await driver.ChangeContentAsync(change, cancellationToken);
                continue;
            }

            TurnInput input;
            if (step.Click is { } click)
            {
                if (FindButton(previous, click) is not { } button)
                {
                    return Fail(script, where, $"no button \"{click}\" in the previous replies (buttons: "
                        + string.Join(", ", previous.SelectMany(r => r.Buttons).Select(b => b.Title)) + ")", transcript);
                }

                input = new TurnInput(button.Title, button.Value);
            }
            else
            {
                input = new TurnInput(step.User, step.Value, step.Attachment ? 1 : 0);
            }

            IReadOnlyList<ObservedReply> replies;
            try
            {
                replies = await driver.SendAsync(input, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Fail(script, where, "the bot failed: " + ex.Message, transcript);
            }

            transcript.AddRange(replies.Select(r => "  < " + r.Summary()));
            if (Check(step, replies) is { } problem)
            {
                return Fail(script, where, problem, transcript);
            }

            previous = replies;
        }

        return new ScriptResult(script, null);
    }

    private static string? Check(ScriptStep step, IReadOnlyList<ObservedReply> replies)
    {
        var problems = new List<string>();
        if (step.Expect is { } expected)
        {
            var valued = replies.Where(r => r.Value is not null).ToList();
            if (valued.Count != expected.Count)
            {
                problems.Add($"expected {expected.Count} repl{(expected.Count == 1 ? "y" : "ies")} with a value ({string.Join("; ", expected)}), "
                             + $"got {valued.Count} ({string.Join("; ", valued.Select(v => v.Summary()))})");
            }
            else
            {
                for (var i = 0; i < expected.Count; i++)
                {
                    if (expected[i].Mismatch(valued[i]) is { } mismatch)
                    {
                        problems.Add($"reply {i + 1} (expected {expected[i]}):\n    " + mismatch.Replace("\n", "\n    "));
                    }
                }
            }
        }

        var text = string.Join("\n", replies.Select(r => r.Text));
        problems.AddRange(step.Says.Where(s => !text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"the replies do not say \"{s}\""));
        problems.AddRange(step.NotSays.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"the replies say \"{s}\" but should not"));
        return problems.Count == 0 ? null : string.Join("\n", problems);
    }

    private static ObservedButton? FindButton(IReadOnlyList<ObservedReply> replies, string click)
    {
        if (int.TryParse(click, out var number) && replies.LastOrDefault(r => r.Buttons.Count > 0) is { } last)
        {
            return number >= 1 && number <= last.Buttons.Count ? last.Buttons[number - 1] : null;
        }

        return replies.SelectMany(r => r.Buttons).FirstOrDefault(b => string.Equals(b.Title, click, StringComparison.OrdinalIgnoreCase));
    }

    private static ScriptResult Fail(ConversationScript script, string where, string problem, List<string> transcript)
    {
        var report = new StringBuilder();
        report.Append(where).Append(": script \"").Append(script.Name).Append("\": ").Append(problem.Replace("\n", "\n  ")).Append('\n');
        report.Append("  transcript:\n");
        foreach (var line in transcript)
        {
            report.Append("    ").Append(line).Append('\n');
        }

        return new ScriptResult(script, report.ToString());
    }
}
