using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Evaluation;

/// <summary>What happened to one scenario.</summary>
/// <param name="Case">The scenario.</param>
/// <param name="Passed">True when the dialog ended in the expected verdict.</param>
/// <param name="Outcome">The verdict reached (e.g. <c>not-permitted</c>), or what happened instead.</param>
/// <param name="Transcript">The turns, one line each.</param>
public sealed record ScenarioResult(ScenarioCase Case, bool Passed, string Outcome, IReadOnlyList<string> Transcript);

/// <summary>
/// Plays decision-dialog scenarios (<see cref="ScenarioCase"/>): sends <c>start</c>; whenever the bot prompts for a
/// slot, answers with the scenario's fact for it, in words when <c>text_answers</c> has them, else as a button submit
/// <c>{"slot": ..., "choice": ...}</c>; the dialog must end in the expected verdict.
/// </summary>
public static class ScenarioEvaluator
{
    /// <summary>Most prompts answered before a scenario is declared stuck. 20.</summary>
    public const int MaxTurns = 20;

    /// <summary>Runs each scenario in a fresh conversation from <paramref name="newConversation"/>.</summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IEnumerable<ScenarioCase> cases,
        Func<IConversationDriver> newConversation, CancellationToken cancellationToken = default)
    {
        var results = new List<ScenarioResult>();
        foreach (var scenario in cases)
        {
            await using var conversation = newConversation();
            results.Add(await RunOneAsync(scenario, conversation, cancellationToken));
        }

        return results;
    }

    private static async Task<ScenarioResult> RunOneAsync(ScenarioCase scenario, IConversationDriver conversation, CancellationToken cancellationToken)
    {
        var transcript = new List<string>();
        var input = new TurnInput(scenario.Start);
        string? answered = null;
        for (var turn = 0; turn <= MaxTurns; turn++)
        {
            transcript.Add("> " + Describe(input));
            var replies = await conversation.SendAsync(input, cancellationToken);
            transcript.AddRange(replies.Select(r => "  < " + r.Summary()));
            var decisive = replies.LastOrDefault(r => r.Type is "prompt" or "verdict");
            if (decisive is null)
            {
                var got = replies.Select(r => r.Type).LastOrDefault(t => t is not null) ?? "no value";
                return new ScenarioResult(scenario, false, $"no prompt or verdict (got {got})", transcript);
            }

            if (decisive.Dialog != scenario.Dialog)
            {
                return new ScenarioResult(scenario, false, $"ran dialog {decisive.Dialog}, expected {scenario.Dialog}", transcript);
            }

            if (decisive.Type == "verdict")
            {
                var passed = decisive.Verdict == scenario.Verdict;
                return new ScenarioResult(scenario, passed, passed ? decisive.Verdict! : $"verdict {decisive.Verdict}, expected {scenario.Verdict}", transcript);
            }

            var slot = decisive.Slot!;
            if (slot == answered)
            {
                return new ScenarioResult(scenario, false, $"the answer for '{slot}' ({Describe(input)}) was not understood: asked again", transcript);
            }

            answered = slot;
            if (!scenario.Facts.TryGetValue(slot, out var fact))
            {
                return new ScenarioResult(scenario, false, $"asked for '{slot}', which the scenario's facts do not give", transcript);
            }

            input = scenario.TextAnswers.TryGetValue(slot, out var words)
                ? new TurnInput(words)
                : new TurnInput(null, new Dictionary<string, string> { [DialogActions.SlotKey] = slot, [DialogActions.ChoiceKey] = fact });
        }

        return new ScenarioResult(scenario, false, $"no verdict after {MaxTurns} answers", transcript);
    }

    private static string Describe(TurnInput input) =>
        input.Value is { } value ? "(button) " + string.Join(", ", value.Select(kv => $"{kv.Key}: {kv.Value}")) : $"\"{input.Text}\"";
}
