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

    private static double[][] PhrasingLogCounts(int[][] phrasingTargets, Dictionary<int, int>[] termCounts)
    {
        var logCounts = new double[phrasingTargets.Length][];
        for (var id = 0; id < phrasingTargets.Length; id++)
        {
            var targets = phrasingTargets[id];
            var row = logCounts[id] = new double[targets.Length];
            for (var j = 0; j < targets.Length; j++)
            {
                row[j] = Math.Log(termCounts[targets[j]].GetValueOrDefault(id) + PosteriorAlpha);
            }
        }

        return logCounts;
    }

    /// <summary>The best <see cref="EagerlyRanked"/> targets at once; the whole ranking (as <see cref="Rank"/>) only when read past them.</summary>
    private IReadOnlyList<MatchCandidate> RankLazily(AnalyzedText query)
    {
        var best = new List<MatchCandidate>(EagerlyRanked);
        var count = Score(query, scratch =>
        {
            Span<int> top = stackalloc int[EagerlyRanked];
            var found = 0;
            var confidence = scratch.Confidence;
            var touchedTargets = scratch.TouchedTargets;
            for (var i = 0; i < scratch.TouchedTargetCount; i++)
            {
                var t = touchedTargets[i];
                if (!scratch.Scored[t])
                {
                    continue;
                }

                if (found == EagerlyRanked && !Before(t, top[found - 1], confidence))
                {
                    continue;
                }

                var at = Math.Min(found, EagerlyRanked - 1);
                while (at > 0 && Before(t, top[at - 1], confidence))
                {
                    top[at] = top[at - 1];
                    at--;
                }

                top[at] = t;
                found = Math.Min(found + 1, EagerlyRanked);
            }

            foreach (var t in top[..found])
            {
                best.Add(new MatchCandidate(_targetIds[t], confidence[t]));
            }

            return scratch.ScoredCount;
        });
        return count <= best.Count ? best : new RankedCandidates(best, count, () => Rank(query));
    }

    /// <summary>Whether target <paramref name="a"/> ranks before <paramref name="b"/>: higher confidence, then ordinal id.</summary>
    private bool Before(int a, int b, double[] confidence) =>
        confidence[a] > confidence[b] || (confidence[a] == confidence[b] && string.CompareOrdinal(_targetIds[a], _targetIds[b]) < 0);

    /// <summary>Every touched target with its signals, best first (confidence, then ordinal id).</summary>
    private List<TargetScore> ScoreAll(AnalyzedText query)
    {
        var result = new List<TargetScore>();
        Score(query, scratch =>
        {
            for (var i = 0; i < scratch.TouchedTargetCount; i++)
            {
                var t = scratch.TouchedTargets[i];
                if (scratch.Scored[t])
                {
                    result.Add(new TargetScore(t, scratch.Confidence[t], scratch.Phrasing[t], scratch.Coverage[t] / scratch.QueryMass,
                        scratch.Description[t] / scratch.QueryMass, scratch.Fuzzy[t], scratch.BestDocument[t] - 1, scratch.PosteriorSignal[t]));
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
    /// entries touched are read and cleared again.
    /// </summary>
    private int Score(AnalyzedText query, Func<Scratch, int> read)
    {
        if (query.IsEmpty)
        {
            return 0;
        }

        var scratch = Scratch.For(_targetIds.Length, _docTarget.Length);
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
            Accumulate(known, scratch);
            Signals(query, known.Count, Math.Sqrt(queryDocNormSquared), queryMass, scratch);
            return read(scratch);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>
    /// Walks the question's terms once: per target the idf of the terms its phrasings and description hold (coverage,
    /// description) and its naive-Bayes log-likelihood; per document the dot product with the question.
    /// </summary>
    private void Accumulate(List<int> known, Scratch scratch)
    {
        var (coverage, description, dot, logLikelihood, termsDone) = (scratch.Coverage, scratch.Description, scratch.Dot, scratch.LogLikelihood, scratch.TermsDone);
        var touchedTargets = scratch.TouchedTargets;
        var touchedDocuments = scratch.TouchedDocuments;
        var targetCount = 0;
        var documentCount = 0;
        var k = known.Count;
        var logAlpha = Math.Log(PosteriorAlpha);
        for (var j = 0; j < k; j++)
        {
            var id = known[j];
            var targetIdf = _targetIdf[id];
            var targets = _phrasingTargets[id];
            var logCounts = _phrasingLogCounts[id];
            for (var n = 0; n < targets.Length; n++)
            {
                var t = targets[n];
                if (termsDone[t] == 0)
                {
                    touchedTargets[targetCount++] = t;
                    logLikelihood[t] = -k * _logDenominators[t];
                    termsDone[t] = 1;
                }

                coverage[t] += targetIdf;

                // The log-likelihood adds log(n + α) per known term in the question's order (log α for terms the
                // target's phrasings lack), exactly as summing over the terms target by target does.
                while (termsDone[t] <= j)
                {
                    logLikelihood[t] += logAlpha;
                    termsDone[t]++;
                }

                logLikelihood[t] += logCounts[n];
                termsDone[t]++;
            }

            foreach (var t in _descriptionTargets[id])
            {
                if (termsDone[t] == 0)
                {
                    touchedTargets[targetCount++] = t;
                    logLikelihood[t] = -k * _logDenominators[t];
                    termsDone[t] = 1;
                }

                description[t] += targetIdf;
            }

            var weight = _docIdf[id] * _docIdf[id];
            foreach (var doc in _postings[id])
            {
                if (dot[doc] == 0)
                {
                    touchedDocuments[documentCount++] = doc;
                }

                dot[doc] += weight;
            }
        }

        // termsDone[t] is 1 + the known terms already added to the target's log-likelihood: add log α for the rest.
        for (var i = 0; i < targetCount; i++)
        {
            var t = touchedTargets[i];
            while (termsDone[t] <= k)
            {
                logLikelihood[t] += logAlpha;
                termsDone[t]++;
            }
        }

        scratch.TouchedTargetCount = targetCount;
        scratch.TouchedDocumentCount = documentCount;
    }

    /// <summary>From the accumulated sums: each touched target's phrasing, fuzzy, exact and posterior signals and its confidence.</summary>
    private void Signals(AnalyzedText query, int k, double queryNorm, double queryMass, Scratch scratch)
    {
        var (coverage, description, dot) = (scratch.Coverage, scratch.Description, scratch.Dot);
        var (phrasing, fuzzy, exact, bestDocument) = (scratch.Phrasing, scratch.Fuzzy, scratch.Exact, scratch.BestDocument);
        var touched = scratch.TouchedDocuments.AsSpan(0, scratch.TouchedDocumentCount);
        foreach (var doc in touched)
        {
            var t = _docTarget[doc];
            var cosine = dot[doc] / (queryNorm * _docNorm[doc]);
            dot[doc] = cosine; // from here on dot holds each touched document's cosine
            if (cosine > phrasing[t])
            {
                phrasing[t] = cosine;
                bestDocument[t] = doc + 1; // 0: none
            }
        }

        // The posterior and the other signals do not depend on the fuzzy comparison; with them known, a tie for the last
        // fuzzy place can often be shown not to matter (see TiedDocumentsMatter).
        Posterior(k, scratch);
        var posteriorSignal = scratch.PosteriorSignal;
        foreach (var t in scratch.TouchedTargets.AsSpan(0, scratch.TouchedTargetCount))
        {
            posteriorSignal[t] = scratch.LogLikelihood[t] * coverage[t] / queryMass;
        }

        // Fuzzy comparison is the expensive part: only the documents closest by terms are compared character by
        // character (a typo-laden question still shares most of its terms with the phrasing it resembles).
        var content = query.ContentText;
        if (_options.FuzzyWeight > 0 && content.Length > 0)
        {
            var sortedContent = SortWords(query.Words);
            var queryHistogram = CharacterHistogram.Of(sortedContent);
            var closest = ClosestDocuments(touched, dot, scratch, out var shared);
            foreach (var doc in closest)
            {
                CompareFuzzily(doc, sortedContent, queryHistogram, scratch);
            }

            if (shared is { } tiedCosine && TiedDocumentsMatter(touched, tiedCosine, sortedContent, queryHistogram, queryMass, scratch))
            {
                foreach (var doc in SortedClosestDocuments(touched, dot, scratch))
                {
                    CompareFuzzily(doc, sortedContent, queryHistogram, scratch);
                }
            }
        }

        var (confidence, scored) = (scratch.Confidence, scratch.Scored);
        var scoredCount = 0;
        for (var i = 0; i < scratch.TouchedTargetCount; i++)
        {
            var t = scratch.TouchedTargets[i];
            var score = UnroundedScore(t, queryMass, scratch);
            if (score > 0)
            {
                confidence[t] = Math.Round(Math.Clamp(score, 0, 1), 4);
                scored[t] = true;
                scoredCount++;
            }
        }

        scratch.ScoredCount = scoredCount;
    }

    /// <summary>The blend of a touched target's signals, or its exact-phrasing signal if higher; before rounding.</summary>
    private double UnroundedScore(int t, double queryMass, Scratch scratch)
    {
        var blend = ((_options.PhrasingWeight * scratch.Phrasing[t])
                     + (_options.CoverageWeight * (scratch.Coverage[t] / queryMass))
                     + (_options.DescriptionWeight * (scratch.Description[t] / queryMass))
                     + (_options.FuzzyWeight * scratch.Fuzzy[t])
                     + (_options.PosteriorWeight * scratch.PosteriorSignal[t])) / _weightSum;
        return Math.Max(blend, scratch.Exact[t]); // a question that is (nearly) one of the phrasings is (nearly) certain
    }

    /// <summary>Raises the fuzzy and exact signals of <paramref name="doc"/>'s target by its token-sort ratio to the question, where that could raise them.</summary>
    private void CompareFuzzily(int doc, string sortedContent, int[] queryHistogram, Scratch scratch)
    {
        var (fuzzy, exact, cosines) = (scratch.Fuzzy, scratch.Exact, scratch.Dot);
        if (_docContent[doc].Length == 0)
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
        if (Math.Max(0, (maxRatio - 0.5) * 2) <= fuzzy[t] && cosines[doc] * maxRatio <= exact[t])
        {
            return;
        }

        var ratio = Fuzz.Ratio(sortedContent, _docSorted[doc], PreprocessMode.None) / 100.0; // token-sort ratio
        fuzzy[t] = Math.Max(fuzzy[t], Math.Max(0, (ratio - 0.5) * 2));
        exact[t] = Math.Max(exact[t], cosines[doc] * ratio);
    }

    /// <summary>
    /// The <see cref="FuzzyCandidates"/> touched documents with the highest cosine (in <paramref name="cosines"/>), found
    /// in one pass over them instead of sorting them all (a question made of common words touches most of the content).
    /// Where the last place is shared by equal cosines (<paramref name="shared"/> is then that cosine), only the documents
    /// above it: which of the tied ones count is decided as it always was, by sorting all touched documents by cosine
    /// (<see cref="SortedClosestDocuments"/>), unless none of them could change a score (<see cref="TiedDocumentsMatter"/>).
    /// </summary>
    private static List<int> ClosestDocuments(ReadOnlySpan<int> touched, double[] cosines, Scratch scratch, out double? shared)
    {
        var closest = scratch.Closest;
        closest.Clear();
        shared = null;
        if (touched.Length <= FuzzyCandidates)
        {
            foreach (var doc in touched)
            {
                closest.Add(doc);
            }

            return closest;
        }

        // The FuzzyCandidates + 1 best, best first: the one after the last place tells whether that place is shared.
        Span<int> best = stackalloc int[FuzzyCandidates + 1];
        var count = 0;
        foreach (var doc in touched)
        {
            var cosine = cosines[doc];
            if (count == best.Length && cosine <= cosines[best[count - 1]])
            {
                continue;
            }

            var at = Math.Min(count, best.Length - 1);
            while (at > 0 && cosines[best[at - 1]] < cosine)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = doc;
            count = Math.Min(count + 1, best.Length);
        }

        var last = cosines[best[FuzzyCandidates - 1]];
        if (last == cosines[best[FuzzyCandidates]])
        {
            shared = last;
        }

        foreach (var doc in best[..FuzzyCandidates])
        {
            if (shared is null || cosines[doc] > last)
            {
                closest.Add(doc);
            }
        }

        return closest;
    }

    /// <summary>
    /// Whether the choice among the documents tied at <paramref name="tiedCosine"/> for the last fuzzy places could
    /// change a score. A tied document matters if it could raise its target's fuzzy signal, or its exact signal above the
    /// target's score, as the documents above the tie left them; documents of one target with the same words count alike.
    /// The choice cannot change anything when every such group is too large to be left out entirely (more of it than the
    /// tied documents left unchosen): then every group contributes whatever the sort chooses, and its contribution is
    /// added here. Otherwise (or when too many would have to be compared) the sort decides.
    /// </summary>
    private bool TiedDocumentsMatter(ReadOnlySpan<int> touched, double tiedCosine, string sortedContent, int[] queryHistogram, double queryMass, Scratch scratch)
    {
        var (fuzzy, cosines) = (scratch.Fuzzy, scratch.Dot);
        var groups = scratch.TiedGroups;
        groups.Clear();
        var tied = 0;
        var compared = 0;
        foreach (var doc in touched)
        {
            if (cosines[doc] != tiedCosine)
            {
                continue;
            }

            tied++;
            var t = _docTarget[doc];
            var group = GroupOf(groups, t, _docSorted[doc]);
            if (group >= 0)
            {
                groups[group] = groups[group] with { Size = groups[group].Size + 1 };
                continue;
            }

            if (_docContent[doc].Length == 0)
            {
                continue;
            }

            var lengths = sortedContent.Length + _docSorted[doc].Length;
            if (2.0 * Math.Min(sortedContent.Length, _docSorted[doc].Length) / lengths <= 0.5)
            {
                continue;
            }

            var score = UnroundedScore(t, queryMass, scratch);
            var maxRatio = CharacterHistogram.MaxRatio(queryHistogram, sortedContent.Length, _docHistograms[doc], _docSorted[doc].Length) + 0.005;
            if (Math.Max(0, (maxRatio - 0.5) * 2) <= fuzzy[t] && tiedCosine * maxRatio <= score)
            {
                continue;
            }

            if (++compared > TiedComparisons)
            {
                return true;
            }

            var ratio = Fuzz.Ratio(sortedContent, _docSorted[doc], PreprocessMode.None) / 100.0;
            if (Math.Max(0, (ratio - 0.5) * 2) > fuzzy[t] || tiedCosine * ratio > score)
            {
                groups.Add((doc, 1));
            }
        }

        // The sort takes FuzzyCandidates - (documents above the tie) of the tied ones and leaves the rest.
        var left = tied - (FuzzyCandidates - scratch.Closest.Count);
        foreach (var (_, size) in groups)
        {
            if (size <= left)
            {
                return true;
            }
        }

        foreach (var (doc, _) in groups)
        {
            CompareFuzzily(doc, sortedContent, queryHistogram, scratch);
        }

        return false;
    }

    /// <summary>The index in <paramref name="groups"/> of the group of target <paramref name="target"/>'s documents with the words <paramref name="words"/>; -1 if none.</summary>
    private int GroupOf(List<(int Document, int Size)> groups, int target, string words)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (_docTarget[groups[i].Document] == target && string.Equals(_docSorted[groups[i].Document], words, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How many tied documents <see cref="TiedDocumentsMatter"/> compares fuzzily before it lets the sort decide.</summary>
    private const int TiedComparisons = 32;

    /// <summary>
    /// The <see cref="FuzzyCandidates"/> documents with the highest cosine as sorting all touched documents by cosine
    /// chooses them (an unstable sort: its choice among equal cosines only that sort reproduces).
    /// </summary>
    private static List<int> SortedClosestDocuments(ReadOnlySpan<int> touched, double[] cosines, Scratch scratch)
    {
        var closest = scratch.Closest;
        closest.Clear();
        var order = scratch.SortOrder;
        var keys = scratch.SortKeys;
        touched.CopyTo(order);
        for (var i = 0; i < touched.Length; i++)
        {
            keys[i] = cosines[order[i]];
        }

        Array.Sort(keys, order, 0, touched.Length);
        for (var i = touched.Length - 1; i >= touched.Length - FuzzyCandidates; i--)
        {
            closest.Add(order[i]);
        }

        return closest;
    }

    /// <summary>
    /// Multinomial naive Bayes posterior P(target | known terms) with add-α smoothing over phrasing term counts and a
    /// uniform prior: which target the question's words point to, relative to the others (sums to 1 over all targets).
    /// Turns the touched targets' log-likelihoods (summed while walking the terms' postings) into posteriors in place.
    /// A target none of whose phrasings holds any of the terms has log-likelihood K·(log α − log(N_t + αV)) for K known
    /// terms; their sum is taken from a per-K total over all targets computed once (<see cref="UntouchedMass"/>), so the
    /// cost is that of the touched targets only.
    /// </summary>
    private void Posterior(int k, Scratch scratch)
    {
        var logLikelihood = scratch.LogLikelihood;
        var touchedTargets = scratch.TouchedTargets.AsSpan(0, scratch.TouchedTargetCount);
        var logAlpha = Math.Log(PosteriorAlpha);
        var max = double.NegativeInfinity;
        foreach (var t in touchedTargets)
        {
            max = Math.Max(max, logLikelihood[t]);
        }

        // Sum over all targets of exp(-k·logDen_t - shift), and the part of it that belongs to the touched targets.
        var (allMass, shift) = UntouchedMass(k);
        var touchedMass = 0.0;
        if (NormaliserTerms(k, shift) is { } terms)
        {
            foreach (var t in touchedTargets)
            {
                touchedMass += terms[t];
            }
        }
        else
        {
            foreach (var t in touchedTargets)
            {
                touchedMass += Math.Exp((-k * _logDenominators[t]) - shift);
            }
        }

        var untouchedLog = (k * logAlpha) + shift; // log of the untouched targets' likelihood, per unit of mass
        var untouchedMass = Math.Max(0, allMass - touchedMass);
        max = Math.Max(max, untouchedLog);
        var sum = untouchedMass * Math.Exp(untouchedLog - max);
        foreach (var t in touchedTargets)
        {
            logLikelihood[t] = Math.Exp(logLikelihood[t] - max);
            sum += logLikelihood[t];
        }

        foreach (var t in touchedTargets)
        {
            logLikelihood[t] /= sum;
        }
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
