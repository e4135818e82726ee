using System.Collections;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// A ranking whose best entries are known and whose full order is worked out only when a caller reads past them: the
/// same sequence as ordering every entry at once, without the cost when, as usual, only the first few are read.
/// </summary>
/// <param name="best">The first entries of the ranking, in order.</param>
/// <param name="count">How many entries the whole ranking has (at least as many as <paramref name="best"/>).</param>
/// <param name="all">Gives the whole ranking (its first entries equal to <paramref name="best"/>); called at most once in the usual case.</param>
internal sealed class RankedCandidates(IReadOnlyList<MatchCandidate> best, int count, Func<IReadOnlyList<MatchCandidate>> all) : IReadOnlyList<MatchCandidate>
{
    private IReadOnlyList<MatchCandidate>? _all;

    /// <summary>Whether the whole ranking has been worked out (for tests).</summary>
    public bool IsComplete => _all is not null;

    /// <inheritdoc />
    public int Count => count;

    /// <inheritdoc />
    public MatchCandidate this[int index] =>
        index < best.Count && index >= 0 ? best[index] : All[index];

    private IReadOnlyList<MatchCandidate> All => LazyInitializer.EnsureInitialized(ref _all, all);

    /// <inheritdoc />
    public IEnumerator<MatchCandidate> GetEnumerator()
    {
        foreach (var candidate in best)
        {
            yield return candidate;
        }

        if (count > best.Count)
        {
            var rest = All;
            for (var i = best.Count; i < rest.Count; i++)
            {
                yield return rest[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
