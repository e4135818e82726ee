namespace ComplianceBot.Core.Matching;

/// <summary>What the bot should do with a question.</summary>
public enum MatchOutcome
{
    /// <summary>One target is clearly the best: answer it.</summary>
    Answer,

    /// <summary>Two or three targets are plausible: ask which one is meant.</summary>
    Clarify,

    /// <summary>Nothing matches well enough (or the text has nothing to match): say so and offer the main topics.</summary>
    Fallback,
}

/// <summary>A ranked match.</summary>
/// <param name="Id">Topic id, or <c>dialog:&lt;id&gt;</c> for a decision dialog.</param>
/// <param name="Confidence">Score in [0, 1]; 1 means the question is one of the target's phrasings.</param>
public sealed record MatchCandidate(string Id, double Confidence);

/// <summary>The matcher's decision for one utterance.</summary>
/// <param name="Outcome">Answer, clarify or fallback, by the thresholds of <see cref="MatcherOptions"/>.</param>
/// <param name="Candidates">
/// For <see cref="MatchOutcome.Answer"/>, the chosen target first; for <see cref="MatchOutcome.Clarify"/>, the
/// 2-3 targets to offer; for <see cref="MatchOutcome.Fallback"/>, either nothing or the one out-of-scope group
/// (<c>oos:&lt;id&gt;</c>) the question was recognised as.
/// Ordered by descending confidence.
/// </param>
/// <param name="Query">The analysed utterance.</param>
public sealed record MatchResult(MatchOutcome Outcome, IReadOnlyList<MatchCandidate> Candidates, AnalyzedText Query)
{
    /// <summary>
    /// Every target that shares a term with the query, best first (what <see cref="TopicMatcher.Rank"/> gives), so a
    /// caller that looks beyond <see cref="Candidates"/> does not score the question again; empty when not ranked.
    /// </summary>
    public IReadOnlyList<MatchCandidate> Ranked { get; init; } = [];

    /// <summary>The best candidate, or <see langword="null"/> when nothing matched at all.</summary>
    public MatchCandidate? Top => Candidates.Count > 0 ? Candidates[0] : null;
}
