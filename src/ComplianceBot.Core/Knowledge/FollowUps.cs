using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Knowledge;

/// <summary>
/// A follow-up without a subject ("and for companies?", "what about fines?", "那企业呢") and the topic it asks for after
/// each topic it follows (file <c>knowledge/follow-ups.yaml</c>, group <c>follow_ups</c>). Immutable.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>for-companies</c>.</param>
/// <param name="Asks">The phrases that make a short message this follow-up (matched like dialog synonyms, not when negated).</param>
/// <param name="From">Last topic id to the topic id answered for this follow-up (e.g. <c>personal-penalties</c> to <c>corporate-penalties</c>).</param>
public sealed record FollowUp(string Id, LocalizedList Asks, IReadOnlyDictionary<string, string> From);

/// <summary>The content of <c>knowledge/follow-ups.yaml</c>: follow-ups and the words that mark a correction after a verdict.</summary>
/// <param name="Items">The follow-ups, in file order.</param>
/// <param name="CorrectionCues">
/// Words that mark a message after a verdict as a correction of a fact ("actually", "oh wait", "其实"): the fact it
/// states replaces the one the verdict relied on and the check decides again with the other facts kept.
/// </param>
public sealed record FollowUps(IReadOnlyList<FollowUp> Items, LocalizedList CorrectionCues)
{
    /// <summary>No follow-ups and no correction cues (content without the file).</summary>
    public static FollowUps None { get; } = new([], new LocalizedList([], []));
}
