using System.Numerics;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Scoring only what the best few targets need (max-score pruning): every touched target's coverage, description and
/// posterior signals are exact and cheap (summed over the terms' target lists), but its phrasing signal needs the
/// cosine of each of its phrasings, and a question of common words touches most of the content's phrasings. So each
/// target's phrasing signal is first only bounded from above (<see cref="PhrasingBound"/>), and the cosines are computed
/// only for targets whose bound could still matter: first for the five closest phrasings (the fuzzy comparison), then
/// for the best <see cref="EagerlyRanked"/> targets. The targets left out could not have been among them, so the best
/// targets, their confidences and signals, and the count of targets scoring above 0 are exactly those of scoring all.
/// </summary>
public sealed partial class TopicMatcher
{
    /// <summary>Index data for the bounds; null when the documents are not in target order (then matches score in full).</summary>
    private readonly BoundIndex? _bounds;

    /// <summary>Relative slack on the bound, far above the rounding error of the cosine it bounds.</summary>
    private const double BoundSlack = 1e-9;

    /// <summary>How many targets with the highest bounds are scored before the bounds are compared with a threshold.</summary>
    private const int FirstScored = EagerlyRanked;

    /// <summary>
    /// Work done by matches on the calling thread since it started: postings entries read (term to target and term to
    /// document) and documents whose cosine was computed. For tests that bound the work of a match.
    /// </summary>
    internal static (long Postings, long Documents) WorkOnThisThread =>
        Scratch.Current is { } scratch ? (scratch.PostingsWalked, scratch.DocumentsScored) : (0, 0);

    /// <summary>
    /// An upper bound on target t's phrasing signal, the largest cosine of its phrasings d with the question q:
    /// cos = Σ w / (|q| |d|) over the terms d shares with q (w the squared idf, |·| the idf norms). Both
    /// Σ w / |d| ≤ √(Σ w) (as |d|² ≥ Σ w) and Σ w / |d| ≤ Σ w · max 1/|d| (the largest over t's phrasings holding the term)
    /// hold for every phrasing, and the sums over the terms any of t's phrasings share with q are larger still.
    /// </summary>
    private static double PhrasingBound(double sharedSquares, double contributionBound, double queryNorm) =>
        Math.Min(Math.Sqrt(sharedSquares), contributionBound) / queryNorm * (1 + BoundSlack);

    /// <summary>
    /// The pruned counterpart of <see cref="Signals"/> (after <see cref="Accumulate"/> without documents): the posterior,
    /// the five closest phrasings and their fuzzy comparison, and the exact signals and confidence of every target that
    /// can be among the best <see cref="EagerlyRanked"/>; the others are counted in <see cref="Scratch.ScoredCount"/> if
    /// they score above 0, but not marked scored.
    /// </summary>
    private void SignalsOfBest(AnalyzedText query, double queryNorm, double queryMass, Scratch scratch)
    {
        var known = scratch.Known;
        Span<double> weights = stackalloc double[known.Count];
        for (var j = 0; j < known.Count; j++)
        {
            scratch.QueryTermIndex[known[j]] = j + 1;
            weights[j] = _docIdf[known[j]] * _docIdf[known[j]];
        }

        PosteriorSignals(known.Count, queryMass, scratch);
        var touched = scratch.TouchedTargets.AsSpan(0, scratch.TouchedTargetCount);
        var (shared, bound, evaluated) = (scratch.SharedSquares, scratch.PhrasingBounds, scratch.Evaluated);
        foreach (var t in touched)
        {
            // A target touched through its description alone has no phrasing sharing a term: its signal is 0.
            bound[t] = shared[t] == 0 ? 0 : PhrasingBound(shared[t], scratch.ContributionBound[t], queryNorm);
            evaluated[t] = shared[t] == 0;
        }

        if (ComparesFuzzily(query))
        {
            FindClosest(touched, weights, queryNorm, scratch);
            CompareClosest(query, scratch);
        }

        ScoreBest(touched, weights, queryNorm, queryMass, scratch);
    }

    /// <summary>
    /// The documents <see cref="ClosestDocuments"/> and <see cref="AddTiedDocuments"/> would choose among all touched
    /// ones: cosines are computed for the targets of highest bound first, then for every target whose bound reaches the
    /// cosine of the fifth closest document found so far (a document of any other target is farther than that one).
    /// </summary>
    private void FindClosest(ReadOnlySpan<int> touched, ReadOnlySpan<double> weights, double queryNorm, Scratch scratch)
    {
        var (bound, evaluated, cosines, closest) = (scratch.PhrasingBounds, scratch.Evaluated, scratch.Dot, scratch.Closest);
        closest.Clear();
        Span<int> first = stackalloc int[FirstScored];
        foreach (var t in Highest(touched, bound, evaluated, first))
        {
            Evaluate(t, weights, queryNorm, scratch, offerClosest: true);
        }

        foreach (var t in touched)
        {
            if (!evaluated[t] && (closest.Count < FuzzyCandidates || bound[t] >= cosines[closest[^1]]))
            {
                Evaluate(t, weights, queryNorm, scratch, offerClosest: true);
            }
        }

        AddTiedDocuments(scratch.TouchedDocuments.AsSpan(0, scratch.TouchedDocumentCount), cosines, scratch);
    }

    /// <summary>
    /// Gives exact signals and confidence to every target that can be among the best <see cref="EagerlyRanked"/>: those
    /// whose rounded confidence with the phrasing bound (the fuzzy and exact signals are known: only the closest
    /// documents' targets have them, and those are evaluated) reaches the lowest of the best found so far; then counts
    /// the targets scoring above 0.
    /// </summary>
    private void ScoreBest(ReadOnlySpan<int> touched, ReadOnlySpan<double> weights, double queryNorm, double queryMass, Scratch scratch)
    {
        var (bound, evaluated, confidence, upper) = (scratch.PhrasingBounds, scratch.Evaluated, scratch.Confidence, scratch.UpperConfidence);
        Span<int> top = stackalloc int[EagerlyRanked];
        var found = 0;
        foreach (var t in touched)
        {
            if (evaluated[t])
            {
                found = ScoreExactly(t, queryMass, scratch) ? Keep(top, found, t, confidence) : found;
            }
            else
            {
                upper[t] = Math.Round(Math.Clamp(UnroundedScore(t, bound[t], queryMass, scratch), 0, 1), 4);
            }
        }

        Span<int> first = stackalloc int[FirstScored];
        foreach (var t in Highest(touched, upper, evaluated, first))
        {
            Evaluate(t, weights, queryNorm, scratch, offerClosest: false);
            found = ScoreExactly(t, queryMass, scratch) ? Keep(top, found, t, confidence) : found;
        }

        foreach (var t in touched)
        {
            if (!evaluated[t] && (found < EagerlyRanked || upper[t] >= confidence[top[found - 1]]))
            {
                Evaluate(t, weights, queryNorm, scratch, offerClosest: false);
                found = ScoreExactly(t, queryMass, scratch) ? Keep(top, found, t, confidence) : found;
            }
        }

        // The rest score above 0 exactly when their blend without the phrasing signal does, or the phrasing signal
        // counts: it is above 0 for a target with a phrasing that shares a term (its bound is then above 0).
        var scoredCount = 0;
        foreach (var t in touched)
        {
            if (evaluated[t] ? scratch.Scored[t] : (_options.PhrasingWeight > 0 && bound[t] > 0) || UnroundedScore(t, 0, queryMass, scratch) > 0)
            {
                scoredCount++;
            }
        }

        scratch.ScoredCount = scoredCount;
    }

    /// <summary>Sets target t's confidence as <see cref="Signals"/> does; whether it scores above 0.</summary>
    private bool ScoreExactly(int t, double queryMass, Scratch scratch)
    {
        var score = UnroundedScore(t, queryMass, scratch);
        if (score <= 0)
        {
            return false;
        }

        scratch.Confidence[t] = Math.Round(Math.Clamp(score, 0, 1), 4);
        scratch.Scored[t] = true;
        return true;
    }

    /// <summary>Inserts <paramref name="t"/> into the best <paramref name="found"/> targets in <paramref name="top"/> (ranking order, at most its length); the new count.</summary>
    private int Keep(Span<int> top, int found, int t, double[] confidence)
    {
        if (found == top.Length && !Before(t, top[found - 1], confidence))
        {
            return found;
        }

        var at = Math.Min(found, top.Length - 1);
        while (at > 0 && Before(t, top[at - 1], confidence))
        {
            top[at] = top[at - 1];
            at--;
        }

        top[at] = t;
        return Math.Min(found + 1, top.Length);
    }

    /// <summary>The not yet evaluated targets of <paramref name="touched"/> with the highest <paramref name="key"/> (at most <paramref name="room"/>'s length), in no particular order.</summary>
    private static Span<int> Highest(ReadOnlySpan<int> touched, double[] key, bool[] evaluated, Span<int> room)
    {
        var count = 0;
        var lowest = 0; // place in room of the lowest key once room is full
        foreach (var t in touched)
        {
            if (evaluated[t])
            {
                continue;
            }

            if (count < room.Length)
            {
                room[count++] = t;
                lowest = key[t] < key[room[lowest]] ? count - 1 : lowest;
                continue;
            }

            if (key[t] <= key[room[lowest]])
            {
                continue;
            }

            room[lowest] = t;
            for (var i = 0; i < count; i++)
            {
                lowest = key[room[i]] < key[room[lowest]] ? i : lowest;
            }
        }

        return room[..count];
    }

    /// <summary>
    /// Computes the cosine of each of target <paramref name="t"/>'s documents that shares a term with the question (the
    /// same sum, in the same order of terms, as walking the postings), its phrasing signal, and with
    /// <paramref name="offerClosest"/> offers each document to <see cref="Scratch.Closest"/>.
    /// </summary>
    private void Evaluate(int t, ReadOnlySpan<double> weights, double queryNorm, Scratch scratch, bool offerClosest)
    {
        var bounds = _bounds!;
        var (termStart, terms, termIndex, cosines) = (bounds.DocTermStart, bounds.DocTerms, scratch.QueryTermIndex, scratch.Dot);
        var (first, end) = (bounds.TargetDocStart[t], bounds.TargetDocStart[t + 1]);
        double best = 0;
        var bestDocument = 0;
        for (var doc = first; doc < end; doc++)
        {
            var shared = 0UL;
            for (var i = termStart[doc]; i < termStart[doc + 1]; i++)
            {
                var j = termIndex[terms[i]];
                if (j != 0)
                {
                    shared |= 1UL << (j - 1);
                }
            }

            if (shared == 0)
            {
                continue;
            }

            double dot = 0;
            while (shared != 0)
            {
                dot += weights[BitOperations.TrailingZeroCount(shared)];
                shared &= shared - 1;
            }

            var cosine = dot / (queryNorm * _docNorm[doc]);
            cosines[doc] = cosine;
            scratch.TouchedDocuments[scratch.TouchedDocumentCount++] = doc;
            if (cosine > best)
            {
                (best, bestDocument) = (cosine, doc + 1);
            }

            if (offerClosest)
            {
                OfferClosest(scratch.Closest, doc, cosines);
            }
        }

        scratch.DocumentsScored += end - first;
        scratch.Phrasing[t] = best;
        scratch.BestDocument[t] = bestDocument;
        scratch.Evaluated[t] = true;
    }
}
