using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Evaluation;

/// <summary>
/// Runs evaluation questions through the bot logic, each in a fresh conversation, and scores the first reply that
/// carries a machine-readable value (<see cref="EvalCase"/>): an answer's id, or the dialog of a
/// prompt or verdict (<c>dialog:&lt;id&gt;</c>); <c>fallback</c> for out-of-scope questions.
/// </summary>
public static class QuestionEvaluator
{
    /// <summary>Evaluates <paramref name="cases"/> with <paramref name="assistant"/>.</summary>
    public static EvalReport Run(ComplianceAssistant assistant, IEnumerable<EvalCase> cases)
    {
        var results = new List<EvalResult>();
        foreach (var evalCase in cases)
        {
            var replies = assistant.Respond(new TurnInput(evalCase.Text), new ConversationState()).Replies;
            var value = replies.Select(r => r.Value).FirstOrDefault(v => v is not null);
            var (got, confidence, candidates) = Describe(value);
            var correct = evalCase.Expect.Contains(got, StringComparer.Ordinal);
            results.Add(new EvalResult(evalCase, got, confidence, correct, candidates));
        }

        return new EvalReport(results);
    }

    private static (string Got, double? Confidence, IReadOnlyList<string> Candidates) Describe(ReplyValue? value)
    {
        var json = value?.ToJson();
        return value switch
        {
            AnswerValue answer => (answer.Id, answer.Confidence, []),
            ClarifyValue clarify => ("clarify", clarify.Candidates.FirstOrDefault()?.Confidence, clarify.Candidates.Select(c => c.Id).ToList()),
            null or FallbackValue => (EvalCase.FallbackId, null, []),
            _ when json?["dialog"]?.GetValue<string>() is { } dialog => ("dialog:" + dialog, null, []),
            _ => (value.Type, null, []),
        };
    }
}
