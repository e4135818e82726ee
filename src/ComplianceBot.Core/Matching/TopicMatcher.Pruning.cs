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
    /// can be among the best <see cref="EagerlyRanked"/> (those best in <see cref="Scratch.Best"/>); the others are
    /// counted in <see cref="Scratch.ScoredCount"/> if they score above 0, but not marked scored. A question of common
    /// words touches thousands of targets, so the passes over them are few: one for the posterior and the phrasing bounds,
    /// one for the closest phrasings and the confidence bounds, one for the best targets and the count.
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

        // The posterior and each target's phrasing bound; the targets with the highest bounds are evaluated first. A
        // target touched through its description alone has no phrasing sharing a term: its bound is 0, its signal too.
        var sum = LikelihoodSum(known.Count, scratch);
        var (signals, cosines, closest, evaluated) = (scratch.Targets, scratch.Dot, scratch.Closest, scratch.EvaluatedTargets);
        var touched = scratch.TouchedTargets.AsSpan(0, scratch.TouchedTargetCount);
        var fuzzily = ComparesFuzzily(query);
        var highestBounds = new Highest(stackalloc int[FirstScored], stackalloc double[FirstScored]);
        var evaluatedCount = 0;
        foreach (var t in touched)
        {
            ref var target = ref signals[t];
            PosteriorSignal(ref target, sum, queryMass);
            if (target.SharedSquares > 0)
            {
                target.PhrasingBound = PhrasingBound(target.SharedSquares, target.ContributionBound, queryNorm);
                if (fuzzily)
                {
                    highestBounds.Offer(t, target.PhrasingBound);
                }
            }
        }

        // The closest documents (see FindClosest's rule in ClosestDocuments and AddTiedDocuments): a document of a target
        // whose bound is below the fifth closest cosine found so far is farther than that one. The other targets' bounds
        // on their confidence (their fuzzy and exact signals are 0: only the closest documents' targets have them, and
        // those are evaluated here); the highest of those bounds are evaluated first.
        closest.Clear();
        foreach (var t in highestBounds.Targets)
        {
            Evaluate(t, weights, queryNorm, scratch, offerClosest: true);
            evaluated[evaluatedCount++] = t;
        }

        var highestConfidences = new Highest(stackalloc int[FirstScored], stackalloc double[FirstScored]);
        foreach (var t in touched)
        {
            ref var target = ref signals[t];
            if (target.Evaluated)
            {
                continue;
            }

            if (fuzzily && target.PhrasingBound > 0 && (closest.Count < FuzzyCandidates || target.PhrasingBound >= cosines[closest[^1]]))
            {
                Evaluate(t, weights, queryNorm, scratch, offerClosest: true);
                evaluated[evaluatedCount++] = t;
                continue;
            }

            target.UpperConfidence = UnroundedScore(t, target.PhrasingBound, queryMass, scratch);
            highestConfidences.Offer(t, target.UpperConfidence);
        }

        if (fuzzily)
        {
            AddTiedDocuments(scratch.TouchedDocuments.AsSpan(0, scratch.TouchedDocumentCount), cosines, scratch);
            CompareClosest(query, scratch);
        }

        // The best: among the evaluated targets, then every target whose bound reaches the lowest of the best so far
        // (less a rounding step: the bound is before rounding); and the count of targets scoring above 0.
        var best = scratch.Best;
        var found = 0;
        foreach (var t in evaluated.AsSpan(0, evaluatedCount))
        {
            found = ScoreExactly(t, queryMass, scratch) ? Keep(best, found, t, signals) : found;
        }

        foreach (var t in highestConfidences.Targets)
        {
            Evaluate(t, weights, queryNorm, scratch, offerClosest: false);
            found = ScoreExactly(t, queryMass, scratch) ? Keep(best, found, t, signals) : found;
        }

        var scoredCount = 0;
        foreach (var t in touched)
        {
            ref var target = ref signals[t];
            if (!target.Evaluated && (found < EagerlyRanked || target.UpperConfidence >= signals[best[found - 1]].Confidence - RoundingStep))
            {
                Evaluate(t, weights, queryNorm, scratch, offerClosest: false);
                found = ScoreExactly(t, queryMass, scratch) ? Keep(best, found, t, signals) : found;
            }

            // Not evaluated: it scores above 0 exactly when its phrasing signal counts and is above 0 (one of its
            // phrasings shares a term: the bound is above 0), or else when its bound on the confidence is (the bound
            // is then the score).
            if (target.Evaluated ? target.Scored : (_options.PhrasingWeight > 0 && target.PhrasingBound > 0) || target.UpperConfidence > 0)
            {
                scoredCount++;
            }
        }

        scratch.BestCount = found;
        scratch.ScoredCount = scoredCount;
    }

    /// <summary>A confidence is rounded to 4 decimals: a bound before rounding this far below a rounded confidence cannot reach it.</summary>
    private const double RoundingStep = 1e-4;

    /// <summary>Sets target t's confidence as <see cref="Signals"/> does; whether it scores above 0.</summary>
    private bool ScoreExactly(int t, double queryMass, Scratch scratch)
    {
        var score = UnroundedScore(t, queryMass, scratch);
        if (score <= 0)
        {
            return false;
        }

        scratch.Targets[t].Confidence = Math.Round(Math.Clamp(score, 0, 1), 4);
        scratch.Targets[t].Scored = true;
        return true;
    }

    /// <summary>Inserts <paramref name="t"/> into the best <paramref name="found"/> targets in <paramref name="top"/> (ranking order, at most its length); the new count.</summary>
    private int Keep(Span<int> top, int found, int t, TargetSignals[] signals)
    {
        if (found == top.Length && !Before(t, top[found - 1], signals))
        {
            return found;
        }

        var at = Math.Min(found, top.Length - 1);
        while (at > 0 && Before(t, top[at - 1], signals))
        {
            top[at] = top[at - 1];
            at--;
        }

        top[at] = t;
        return Math.Min(found + 1, top.Length);
    }

    /// <summary>The targets offered with the highest keys, as many as it has room for, in no particular order.</summary>
    private ref struct Highest
    {
        private readonly Span<int> _targets;
        private readonly Span<double> _keys;
        private int _count;
        private int _lowest;

        public Highest(Span<int> targets, Span<double> keys)
        {
            _targets = targets;
            _keys = keys;
        }

        public readonly ReadOnlySpan<int> Targets => _targets[.._count];

        public void Offer(int target, double key)
        {
            if (_count < _targets.Length)
            {
                (_targets[_count], _keys[_count]) = (target, key);
                _lowest = _count == 0 || key < _keys[_lowest] ? _count : _lowest;
                _count++;
                return;
            }

            if (key <= _keys[_lowest])
            {
                return;
            }

            (_targets[_lowest], _keys[_lowest]) = (target, key);
            _lowest = 0;
            for (var i = 1; i < _count; i++)
            {
                _lowest = _keys[i] < _keys[_lowest] ? i : _lowest;
            }
        }
    }

    /// <summary>
    /// Computes the cosine of each of target <paramref name="t"/>'s documents that shares a term with the question (the
    /// same sum, in the same order of terms, as walking the postings), its phrasing signal, and with
    /// <paramref name="offerClosest"/> offers each document to <see cref="Scratch.Closest"/>.
    /// </summary>
    private void Evaluate(int t, ReadOnlySpan<double> weights, double queryNorm, Scratch scratch, bool offerClosest)
    {
        scratch.Targets[t].Evaluated = true;
        if (scratch.Targets[t].SharedSquares == 0)
        {
            return; // none of its phrasings shares a term: the phrasing signal is 0
        }

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
        scratch.Targets[t].Phrasing = best;
        scratch.Targets[t].BestDocument = bestDocument;
    }
}
