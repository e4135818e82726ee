namespace ComplianceBot.Core.Matching;

/// <summary>Something a question can be matched to: a topic (its id) or a decision dialog (<c>dialog:&lt;id&gt;</c>).</summary>
/// <param name="Id">The id reported in <see cref="MatchCandidate.Id"/>.</param>
/// <param name="Phrasings">Example utterances (and titles) in any language; each becomes one indexed document.</param>
/// <param name="Description">
/// Longer text about the target (e.g. the answer); its words count as evidence with a lower weight. May be empty.
/// </param>
public sealed record MatchTarget(string Id, IReadOnlyList<string> Phrasings, IReadOnlyList<string>? Description = null);
