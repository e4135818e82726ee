namespace ComplianceBot.Core.Matching;

/// <summary>Why one target scored as it did.</summary>
/// <param name="Id">Topic id or <c>dialog:&lt;id&gt;</c>.</param>
/// <param name="Confidence">Final confidence in [0, 1].</param>
/// <param name="Phrasing">Cosine similarity to the closest phrasing, in [0, 1].</param>
/// <param name="Coverage">Share of the question's term weight found in the target's phrasings, in [0, 1].</param>
/// <param name="Description">Share of the question's term weight found in the target's description, in [0, 1].</param>
/// <param name="Fuzzy">Fuzzy similarity to the closest phrasing above 50%, rescaled to [0, 1].</param>
/// <param name="Posterior">Naive Bayes posterior of the target given the question's words, times coverage, in [0, 1].</param>
/// <param name="ClosestPhrasing">The content words of the closest phrasing.</param>
public sealed record TargetExplanation(string Id, double Confidence, double Phrasing, double Coverage, double Description, double Fuzzy, double Posterior, string ClosestPhrasing);

/// <summary>How an utterance was read and ranked (see <see cref="TopicMatcher.Explain"/>).</summary>
/// <param name="Query">The analysed utterance: normalised text, content words and index terms.</param>
/// <param name="Result">The decision the matcher would make.</param>
/// <param name="Targets">The best targets with their signals, best first.</param>
public sealed record MatchExplanation(AnalyzedText Query, MatchResult Result, IReadOnlyList<TargetExplanation> Targets);
