using FuzzySharp;
using FuzzySharp.PreProcess;

namespace ComplianceBot.Core.Matching;

/// <summary>Scoring a question against the index: the signals of every touched target, then the best of them.</summary>
public sealed partial class TopicMatcher
{
    /// <summary>How many of the best targets <see cref="Match"/> orders at once; the rest are ordered only if read.</summary>
    internal const int EagerlyRanked = 8;

    private const double PosteriorAlpha = 0.05;

    /// <summary>Known-term counts for which the touched targets' share of the posterior normaliser is kept per target.</summary>
    private const int CachedNormaliserTerms = 16;

    /// <summary>
    /// Parallel to <c>_phrasingTargets</c>: for term <c>id</c> and the j-th target whose phrasings hold it,
    /// log(n + α) where n is the number of that target's phrasings holding the term (the naive-Bayes term weight).
    /// </summary>
    private readonly double[][] _phrasingLogCounts;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (double Mass, double Shift)> _untouchedMass = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, double[]> _normaliserTerms = new();

    /// <summary>
    /// The naive-Bayes index: <c>_phrasingLogCounts</c> (parallel to <paramref name="phrasingTargets"/>) and, per target,
    /// log(Σ n + α · terms), n the counts of its terms. Targets are taken in order, each counting its phrasings' terms in
    /// one array over the term ids (a target's phrasings are consecutive documents), so no per-target table is built:
    /// at 10,000 topics those tables were about 20 MB per matcher, while both matchers are built at once.
    /// </summary>
    /// <param name="phrasingTargets">Per term id, the targets whose phrasings hold it, ascending.</param>
    /// <param name="targetTerms">Per target, the distinct term ids of its phrasings.</param>
    /// <param name="docTerms">Per document, its distinct term ids.</param>
    /// <param name="docTarget">Per document, its target (ascending).</param>
    private static (double[][] LogCounts, double[] LogDenominators) PosteriorIndex(int[][] phrasingTargets, int[][] targetTerms,
        IReadOnlyList<int[]> docTerms, int[] docTarget)
    {
        var logCounts = new double[phrasingTargets.Length][];
        for (var id = 0; id < phrasingTargets.Length; id++)
        {
            logCounts[id] = new double[phrasingTargets[id].Length];
        }

        var logDenominators = new double[targetTerms.Length];
        var counts = new int[phrasingTargets.Length];
        var filled = new int[phrasingTargets.Length]; // per term id, how many of its targets are done
        var d = 0;
        for (var t = 0; t < targetTerms.Length; t++)
        {
            var total = 0;
            for (; d < docTarget.Length && docTarget[d] == t; d++)
            {
                foreach (var id in docTerms[d])
                {
                    counts[id]++;
                }

                total += docTerms[d].Length;
            }

            foreach (var id in targetTerms[t])
            {
                logCounts[id][filled[id]++] = Math.Log(counts[id] + PosteriorAlpha);
                counts[id] = 0;
            }

            logDenominators[t] = Math.Log(total + (PosteriorAlpha * phrasingTargets.Length));
        }

        return (logCounts, logDenominators);
    }

    /// <summary>The best <see cref="EagerlyRanked"/> targets at once; the whole ranking (as <see cref="Rank"/>) only when read past them.</summary>
    private IReadOnlyList<MatchCandidate> RankLazily(AnalyzedText query)
    {
        var best = new List<MatchCandidate>(EagerlyRanked);
        var count = Score(query, bestOnly: true, scratch =>
        {
            Span<int> top = stackalloc int[EagerlyRanked];
            var found = 0;
            var signals = scratch.Targets;
            if (scratch.BestCount >= 0)
            {
                found = scratch.BestCount;
                scratch.Best.AsSpan(0, found).CopyTo(top); // scored with pruning: the best already found
            }

            var touchedTargets = scratch.TouchedTargets;
            for (var i = 0; i < scratch.TouchedTargetCount && scratch.BestCount < 0; i++)
            {
                var t = touchedTargets[i];
                if (!scratch.Targets[t].Scored)
                {
                    continue;
                }

                if (found == EagerlyRanked && !Before(t, top[found - 1], signals))
                {
                    continue;
                }

                var at = Math.Min(found, EagerlyRanked - 1);
                while (at > 0 && Before(t, top[at - 1], signals))
                {
                    top[at] = top[at - 1];
                    at--;
                }

                top[at] = t;
                found = Math.Min(found + 1, EagerlyRanked);
            }

            foreach (var t in top[..found])
            {
                best.Add(new MatchCandidate(_targetIds[t], signals[t].Confidence));
            }

            return scratch.ScoredCount;
        });
        return count <= best.Count ? best : new RankedCandidates(best, count, () => Rank(query));
    }

    /// <summary>Whether target <paramref name="a"/> ranks before <paramref name="b"/>: higher confidence, then ordinal id.</summary>
    private bool Before(int a, int b, TargetSignals[] signals) =>
        signals[a].Confidence > signals[b].Confidence
        || (signals[a].Confidence == signals[b].Confidence && string.CompareOrdinal(_targetIds[a], _targetIds[b]) < 0);

    /// <summary>Every touched target with its signals, best first (confidence, then ordinal id).</summary>
    private List<TargetScore> ScoreAll(AnalyzedText query)
    {
        var result = new List<TargetScore>();
        Score(query, bestOnly: false, scratch =>
        {
            for (var i = 0; i < scratch.TouchedTargetCount; i++)
            {
                var t = scratch.TouchedTargets[i];
                ref var s = ref scratch.Targets[t];
                if (s.Scored)
                {
                    result.Add(new TargetScore(t, s.Confidence, s.Phrasing, s.Coverage / scratch.QueryMass, s.Description / scratch.QueryMass, s.Fuzzy,
                        s.BestDocument - 1, s.PosteriorSignal));
                }
            }

            return 0;
        });
        result.Sort((a, b) => b.Confidence.CompareTo(a.Confidence) is var c && c != 0 ? c : string.CompareOrdinal(_targetIds[a.Target], _targetIds[b.Target]));
        return result;
    }

    /// <summary>
    /// Scores the targets <paramref name="query"/> touches into per-thread scratch and lets <paramref name="read"/> read
    /// them (touched targets, and per target whether it scored above 0, its confidence and signals) before the scratch is
    /// cleared. Work and memory in proportion to what the question touches, not to the size of the content: only the
    /// entries touched are read and cleared again. With <paramref name="bestOnly"/>, only targets that can be among the
    /// best <see cref="EagerlyRanked"/> are scored (marked scored, with their confidence and signals exactly as in full);
    /// <see cref="Scratch.ScoredCount"/> still counts every target that scores above 0 (see <see cref="SignalsOfBest"/>).
    /// </summary>
    private int Score(AnalyzedText query, bool bestOnly, Func<Scratch, int> read)
    {
        if (query.IsEmpty)
        {
            return 0;
        }

        var scratch = Scratch.For(_targetIds.Length, _docTarget.Length, _termIds.Count);
        var known = scratch.Known;
        known.Clear();
        double queryDocNormSquared = 0, queryMass = 0;
        foreach (var term in query.Terms.Distinct(StringComparer.Ordinal))
        {
            if (_termIds.TryGetValue(term, out var id))
            {
                known.Add(id);
                queryDocNormSquared += _docIdf[id] * _docIdf[id];
                queryMass += _targetIdf[id];
            }
            else
            {
                queryDocNormSquared += _unknownDocIdf * _unknownDocIdf;
                queryMass += _unknownTargetIdf;
            }
        }

        if (known.Count == 0)
        {
            return 0;
        }

        scratch.QueryMass = queryMass;
        try
        {
            var bounded = bestOnly && _bounds is not null && known.Count <= BoundIndex.MaxQueryTerms && DocumentPostings(known) >= PrunedFrom;
            Accumulate(known, scratch, documents: !bounded);
            if (bounded)
            {
                SignalsOfBest(query, Math.Sqrt(queryDocNormSquared), queryMass, scratch);
            }
            else
            {
                Signals(query, known.Count, Math.Sqrt(queryDocNormSquared), queryMass, scratch);
            }

            return read(scratch);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>
    /// From how many postings entries of documents (a question's terms over all phrasings) pruned scoring is used: below,
    /// walking them is cheaper than computing the cosines of the phrasings of the targets that could be among the best.
    /// Both give the same best targets.
    /// </summary>
    private const int PrunedFrom = 4096;

    private int DocumentPostings(List<int> known)
    {
        var count = 0;
        foreach (var id in known)
        {
            count += _postings[id].Length;
        }

        return count;
    }

    /// <summary>
    /// Walks the question's terms once: per target the idf of the terms its phrasings and description hold (coverage,
    /// description) and its naive-Bayes log-likelihood; then, with <paramref name="documents"/>, per document the dot
    /// product with the question, else per target what bounds its phrasing signal (<see cref="PhrasingBound"/>).
    /// </summary>
    private void Accumulate(List<int> known, Scratch scratch, bool documents)
    {
        var (signals, dot) = (scratch.Targets, scratch.Dot);
        var touchedTargets = scratch.TouchedTargets;
        var touchedDocuments = scratch.TouchedDocuments;
        var targetCount = 0;
        var documentCount = 0;
        var k = known.Count;
        var logAlpha = Math.Log(PosteriorAlpha);
        var (_, shift) = UntouchedMass(k);
        var normaliserTerms = NormaliserTerms(k, shift);
        for (var j = 0; j < k; j++)
        {
            var id = known[j];
            var targetIdf = _targetIdf[id];
            var targets = _phrasingTargets[id];
            var logCounts = _phrasingLogCounts[id];
            var weight = _docIdf[id] * _docIdf[id];
            var inverseNorms = documents ? null : _bounds!.InverseNorms[id];
            for (var n = 0; n < targets.Length; n++)
            {
                var t = targets[n];
                ref var target = ref signals[t];
                if (target.TermsDone == 0)
                {
                    touchedTargets[targetCount++] = t;
                    target.LogLikelihood = -k * _logDenominators[t];
                    target.TermsDone = 1;
                }

                target.Coverage += targetIdf;

                // The log-likelihood adds log(n + α) per known term in the question's order (log α for terms the
                // target's phrasings lack), exactly as summing over the terms target by target does.
                while (target.TermsDone <= j)
                {
                    target.LogLikelihood += logAlpha;
                    target.TermsDone++;
                }

                target.LogLikelihood += logCounts[n];
                target.TermsDone++;
                if (inverseNorms is not null)
                {
                    target.SharedSquares += weight;
                    target.ContributionBound += weight * inverseNorms[n];
                }
            }

            foreach (var t in _descriptionTargets[id])
            {
                ref var target = ref signals[t];
                if (target.TermsDone == 0)
                {
                    touchedTargets[targetCount++] = t;
                    target.LogLikelihood = -k * _logDenominators[t];
                    target.TermsDone = 1;
                }

                target.Description += targetIdf;
            }

            scratch.PostingsWalked += targets.Length + _descriptionTargets[id].Length;
            if (!documents)
            {
                continue;
            }

            scratch.PostingsWalked += _postings[id].Length;
            foreach (var doc in _postings[id])
            {
                if (dot[doc] == 0)
                {
                    touchedDocuments[documentCount++] = doc;
                }

                dot[doc] += weight;
            }
        }

        // TermsDone is 1 + the known terms already added to the target's log-likelihood: add log α for the rest. Then
        // for the posterior (LikelihoodSum): the largest log-likelihood, and the touched targets' share of the normaliser.
        var max = double.NegativeInfinity;
        var touchedMass = 0.0;
        for (var i = 0; i < targetCount; i++)
        {
            var t = touchedTargets[i];
            ref var target = ref signals[t];
            while (target.TermsDone <= k)
            {
                target.LogLikelihood += logAlpha;
                target.TermsDone++;
            }

            max = Math.Max(max, target.LogLikelihood);
            touchedMass += normaliserTerms is null ? Math.Exp((-k * _logDenominators[t]) - shift) : normaliserTerms[t];
        }

        scratch.MaxLogLikelihood = max;
        scratch.TouchedMass = touchedMass;

        scratch.TouchedTargetCount = targetCount;
        scratch.TouchedDocumentCount = documentCount;
        scratch.DocumentsScored += documentCount;
    }

    /// <summary>From the accumulated sums: each touched target's phrasing, fuzzy, exact and posterior signals and its confidence.</summary>
    private void Signals(AnalyzedText query, int k, double queryNorm, double queryMass, Scratch scratch)
    {
        var (signals, dot) = (scratch.Targets, scratch.Dot);
        var touched = scratch.TouchedDocuments.AsSpan(0, scratch.TouchedDocumentCount);
        foreach (var doc in touched)
        {
            var t = _docTarget[doc];
            var cosine = dot[doc] / (queryNorm * _docNorm[doc]);
            dot[doc] = cosine; // from here on dot holds each touched document's cosine
            if (cosine > signals[t].Phrasing)
            {
                signals[t].Phrasing = cosine;
                signals[t].BestDocument = doc + 1; // 0: none
            }
        }

        PosteriorSignals(k, queryMass, scratch);

        // Fuzzy comparison is the expensive part: only the documents closest by terms are compared character by
        // character (a typo-laden question still shares most of its terms with the phrasing it resembles).
        if (ComparesFuzzily(query))
        {
            ClosestDocuments(touched, dot, scratch);
            AddTiedDocuments(touched, dot, scratch);
            CompareClosest(query, scratch);
        }

        var scoredCount = 0;
        for (var i = 0; i < scratch.TouchedTargetCount; i++)
        {
            var t = scratch.TouchedTargets[i];
            var score = UnroundedScore(t, queryMass, scratch);
            if (score > 0)
            {
                signals[t].Confidence = Math.Round(Math.Clamp(score, 0, 1), 4);
                signals[t].Scored = true;
                scoredCount++;
            }
        }

        scratch.ScoredCount = scoredCount;
    }

    /// <summary>The naive-Bayes posterior of each touched target (see <see cref="LikelihoodSum"/>) times its coverage share.</summary>
    private void PosteriorSignals(int k, double queryMass, Scratch scratch)
    {
        var sum = LikelihoodSum(k, scratch);
        var signals = scratch.Targets;
        foreach (var t in scratch.TouchedTargets.AsSpan(0, scratch.TouchedTargetCount))
        {
            PosteriorSignal(ref signals[t], sum, queryMass);
        }
    }

    /// <summary>Divides a target's relative likelihood by <paramref name="sum"/> (its posterior) and sets its posterior signal.</summary>
    private static void PosteriorSignal(ref TargetSignals target, double sum, double queryMass)
    {
        target.LogLikelihood /= sum;
        target.PosteriorSignal = target.LogLikelihood * target.Coverage / queryMass;
    }

    /// <summary>Whether <paramref name="query"/> is compared fuzzily with its closest documents at all.</summary>
    private bool ComparesFuzzily(AnalyzedText query) => _options.FuzzyWeight > 0 && query.ContentText.Length > 0;

    /// <summary>Compares <paramref name="query"/> fuzzily with the documents in <see cref="Scratch.Closest"/>.</summary>
    private void CompareClosest(AnalyzedText query, Scratch scratch)
    {
        var sortedContent = SortWords(query.Words);
        var queryHistogram = CharacterHistogram.Of(sortedContent);
        foreach (var doc in scratch.Closest)
        {
            CompareFuzzily(doc, sortedContent, queryHistogram, scratch);
        }
    }

    /// <summary>The blend of a touched target's signals, or its exact-phrasing signal if higher; before rounding.</summary>
    private double UnroundedScore(int t, double queryMass, Scratch scratch) => UnroundedScore(t, scratch.Targets[t].Phrasing, queryMass, scratch);

    /// <summary>
    /// As <see cref="UnroundedScore(int, double, Scratch)"/> with <paramref name="phrasing"/> for the phrasing signal: never
    /// lower for a higher <paramref name="phrasing"/>, so a bound on the signal bounds the score.
    /// </summary>
    private double UnroundedScore(int t, double phrasing, double queryMass, Scratch scratch)
    {
        ref var s = ref scratch.Targets[t];
        var blend = ((_options.PhrasingWeight * phrasing)
                     + (_options.CoverageWeight * (s.Coverage / queryMass))
                     + (_options.DescriptionWeight * (s.Description / queryMass))
                     + (_options.FuzzyWeight * s.Fuzzy)
                     + (_options.PosteriorWeight * s.PosteriorSignal)) / _weightSum;
        return Math.Max(blend, s.Exact); // a question that is (nearly) one of the phrasings is (nearly) certain
    }

    /// <summary>Raises the fuzzy and exact signals of <paramref name="doc"/>'s target by its token-sort ratio to the question, where that could raise them.</summary>
    private void CompareFuzzily(int doc, string sortedContent, int[] queryHistogram, Scratch scratch)
    {
        var (signals, cosines) = (scratch.Targets, scratch.Dot);
        if (_docSorted[doc].Length == 0) // the same words as the content, so the same length
        {
            return;
        }

        // The ratio is at most 2·min/(sum) of the lengths: skip documents that could not reach the 50% that counts.
        var t = _docTarget[doc];
        var lengths = sortedContent.Length + _docSorted[doc].Length;
        if (2.0 * Math.Min(sortedContent.Length, _docSorted[doc].Length) / lengths <= 0.5)
        {
            return;
        }

        // Nor documents whose best possible ratio (from character counts, +0.005 for FuzzySharp's rounding to whole
        // percents) could not raise their target's fuzzy or exact signal above what a closer document already gave.
        var maxRatio = CharacterHistogram.MaxRatio(queryHistogram, sortedContent.Length, _docHistograms[doc], _docSorted[doc].Length) + 0.005;
        if (Math.Max(0, (maxRatio - 0.5) * 2) <= signals[t].Fuzzy && cosines[doc] * maxRatio <= signals[t].Exact)
        {
            return;
        }

        var ratio = Fuzz.Ratio(sortedContent, _docSorted[doc], PreprocessMode.None) / 100.0; // token-sort ratio
        signals[t].Fuzzy = Math.Max(signals[t].Fuzzy, Math.Max(0, (ratio - 0.5) * 2));
        signals[t].Exact = Math.Max(signals[t].Exact, cosines[doc] * ratio);
    }

    /// <summary>
    /// Puts into <see cref="Scratch.Closest"/> the <see cref="FuzzyCandidates"/> touched documents that come first by
    /// <see cref="Closer"/> (highest cosine in <paramref name="cosines"/>, then lowest document index), best first, found
    /// in one pass over them instead of sorting them all (a question made of common words touches most of the content).
    /// </summary>
    private static void ClosestDocuments(ReadOnlySpan<int> touched, double[] cosines, Scratch scratch)
    {
        var closest = scratch.Closest;
        closest.Clear();
        foreach (var doc in touched)
        {
            OfferClosest(closest, doc, cosines);
        }
    }

    /// <summary>How many documents tied with the last fuzzy place are compared as well, at most (those of lowest index).</summary>
    internal const int TiedLimit = 16;

    /// <summary>
    /// Appends to <see cref="Scratch.Closest"/> (when it holds <see cref="FuzzyCandidates"/>) the other documents among
    /// <paramref name="candidates"/> with the same cosine as its last, lowest document index first, at most
    /// <see cref="TiedLimit"/>: phrasings equally close by terms are all compared fuzzily, so which of them gets the last
    /// place never depends on the order of the content or of the question's words. <paramref name="candidates"/> must
    /// include every touched document with that cosine.
    /// </summary>
    private static void AddTiedDocuments(ReadOnlySpan<int> candidates, double[] cosines, Scratch scratch)
    {
        var closest = scratch.Closest;
        if (closest.Count < FuzzyCandidates)
        {
            return;
        }

        // The documents with the last place's cosine that did not get a place come after it by document index.
        var last = closest[^1];
        var cosine = cosines[last];
        var tied = scratch.Tied;
        tied.Clear();
        foreach (var doc in candidates)
        {
            if (cosines[doc] != cosine || doc <= last || (tied.Count == TiedLimit && doc > tied[^1]))
            {
                continue;
            }

            var at = tied.BinarySearch(doc);
            tied.Insert(~at, doc);
            if (tied.Count > TiedLimit)
            {
                tied.RemoveAt(TiedLimit);
            }
        }

        closest.AddRange(tied);
    }

    /// <summary>Puts <paramref name="doc"/> into <paramref name="closest"/> (best first, at most <see cref="FuzzyCandidates"/>) if it comes before one of them by <see cref="Closer"/>.</summary>
    private static void OfferClosest(List<int> closest, int doc, double[] cosines)
    {
        if (closest.Count == FuzzyCandidates)
        {
            if (!Closer(doc, closest[^1], cosines))
            {
                return;
            }

            closest.RemoveAt(closest.Count - 1);
        }

        var at = closest.Count;
        while (at > 0 && Closer(doc, closest[at - 1], cosines))
        {
            at--;
        }

        closest.Insert(at, doc);
    }

    /// <summary>
    /// The order in which documents get the <see cref="FuzzyCandidates"/> places of the fuzzy comparison: higher cosine
    /// first and, among equal cosines, the lower document index (the order of the targets, then of the phrasings within
    /// a target). Documents tied with the last place are compared too (<see cref="AddTiedDocuments"/>), so the index
    /// decides only beyond <see cref="TiedLimit"/> of them. A fixed rule: the choice never depends on which documents a
    /// question touched or in what order (it was an unstable sort of all touched documents, which cost milliseconds at
    /// scale and chose among tied phrasings arbitrarily).
    /// </summary>
    private static bool Closer(int a, int b, double[] cosines) =>
        cosines[a] > cosines[b] || (cosines[a] == cosines[b] && a < b);

    /// <summary>
    /// Multinomial naive Bayes posterior P(target | known terms) with add-α smoothing over phrasing term counts and a
    /// uniform prior: which target the question's words point to, relative to the others (sums to 1 over all targets).
    /// Turns the touched targets' log-likelihoods (summed while walking the terms' postings) into likelihoods relative to
    /// the largest, in place, and returns their sum over all targets: dividing by it gives the posterior
    /// (<see cref="PosteriorSignals"/>). A target none of whose phrasings holds any of the terms has log-likelihood
    /// K·(log α − log(N_t + αV)) for K known terms; their sum is taken from a per-K total over all targets computed once
    /// (<see cref="UntouchedMass"/>) minus the touched targets' share (summed by <see cref="Accumulate"/>, as is the
    /// largest log-likelihood), so the cost is that of the touched targets only.
    /// </summary>
    private double LikelihoodSum(int k, Scratch scratch)
    {
        var signals = scratch.Targets;
        var (allMass, shift) = UntouchedMass(k);
        var untouchedLog = (k * Math.Log(PosteriorAlpha)) + shift; // log of the untouched targets' likelihood, per unit of mass
        var untouchedMass = Math.Max(0, allMass - scratch.TouchedMass);
        var max = Math.Max(scratch.MaxLogLikelihood, untouchedLog);
        var sum = untouchedMass * Math.Exp(untouchedLog - max);
        foreach (var t in scratch.TouchedTargets.AsSpan(0, scratch.TouchedTargetCount))
        {
            ref var target = ref signals[t];
            target.LogLikelihood = Math.Exp(target.LogLikelihood - max);
            sum += target.LogLikelihood;
        }

        return sum;
    }

    // Per number of known terms k: (Σ_t exp(-k·logDen_t - shift), shift) with shift = max_t(-k·logDen_t).
    private (double Mass, double Shift) UntouchedMass(int k)
    {
        if (_untouchedMass.TryGetValue(k, out var cached))
        {
            return cached;
        }

        var shift = _logDenominators.Length == 0 ? 0 : -k * _logDenominators.Min();
        var mass = 0.0;
        foreach (var logDen in _logDenominators)
        {
            mass += Math.Exp((-k * logDen) - shift);
        }

        return _untouchedMass[k] = (mass, shift);
    }

    // Per number of known terms k (up to CachedNormaliserTerms): exp(-k·logDen_t - shift) for every target t; null above.
    private double[]? NormaliserTerms(int k, double shift)
    {
        if (k > CachedNormaliserTerms)
        {
            return null;
        }

        return _normaliserTerms.GetOrAdd(k, _ => Array.ConvertAll(_logDenominators, logDen => Math.Exp((-k * logDen) - shift)));
    }

    private readonly record struct TargetScore(int Target, double Confidence, double Phrasing, double Coverage, double Description, double Fuzzy,
        int BestDocument, double Posterior);
}
