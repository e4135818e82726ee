namespace ComplianceBot.Core.Evaluation;

/// <summary>What the bot did with one evaluation question.</summary>
/// <param name="Case">The question.</param>
/// <param name="Got">The id the bot's first knowledge reply named (answer id or <c>dialog:&lt;id&gt;</c>), <c>clarify</c> or <c>fallback</c>.</param>
/// <param name="Confidence">The confidence of that reply, if it had one.</param>
/// <param name="Correct">Whether <paramref name="Got"/> is one of the expected ids.</param>
/// <param name="Candidates">For a clarify reply, the ids offered.</param>
public sealed record EvalResult(EvalCase Case, string Got, double? Confidence, bool Correct, IReadOnlyList<string> Candidates);

/// <summary>Accuracy figures over an evaluation set.</summary>
/// <param name="Results">Every question's result, in file order.</param>
public sealed record EvalReport(IReadOnlyList<EvalResult> Results)
{
    /// <summary>In-scope questions.</summary>
    public int InScope => Results.Count(r => !r.Case.IsOutOfScope);

    /// <summary>Out-of-scope questions.</summary>
    public int OutOfScope => Results.Count(r => r.Case.IsOutOfScope);

    /// <summary>Share of in-scope questions whose first reply named an expected id, in [0, 1].</summary>
    public double TopOneAccuracy => Ratio(Results.Count(r => !r.Case.IsOutOfScope && r.Correct), InScope);

    /// <summary>Share of out-of-scope questions that fell back, in [0, 1].</summary>
    public double OutOfScopeRejection => Ratio(Results.Count(r => r.Case.IsOutOfScope && r.Correct), OutOfScope);

    /// <summary>Share of in-scope questions answered with a clarify reply, in [0, 1].</summary>
    public double ClarifyRate => Ratio(Results.Count(r => !r.Case.IsOutOfScope && r.Got == "clarify"), InScope);

    /// <summary>Share of in-scope questions where an expected id was the answer or among the clarify candidates, in [0, 1].</summary>
    public double AnsweredOrOffered => Ratio(
        Results.Count(r => !r.Case.IsOutOfScope && (r.Correct || r.Candidates.Any(c => r.Case.Expect.Contains(c)))), InScope);

    /// <summary>Share of in-scope questions where an expected id was ranked first, answered or offered first, in [0, 1].</summary>
    public double RankedFirst => Ratio(
        Results.Count(r => !r.Case.IsOutOfScope && (r.Correct || (r.Candidates.Count > 0 && r.Case.Expect.Contains(r.Candidates[0])))), InScope);

    /// <summary>The questions the bot got wrong.</summary>
    public IEnumerable<EvalResult> Misses => Results.Where(r => !r.Correct);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
