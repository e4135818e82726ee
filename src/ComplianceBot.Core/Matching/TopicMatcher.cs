using ComplianceBot.Core.Knowledge;
using FuzzySharp;
using FuzzySharp.PreProcess;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Matches an utterance to topics and dialogs. Every phrasing (and title) of every target is one document in an
/// inverted index of terms; a target's description (its answer) is indexed separately. A target's confidence is a
/// weighted blend (weights in <see cref="MatcherOptions"/>) of four signals, each in [0, 1]:
/// <list type="bullet">
/// <item><b>phrasing</b>: the idf-weighted cosine similarity to the target's closest phrasing;</item>
/// <item><b>coverage</b>: the idf-weighted share of the question's terms that occur anywhere in the target's phrasings;</item>
/// <item><b>description</b>: the same share measured against the target's description;</item>
/// <item><b>fuzzy</b>: FuzzySharp's token-sort ratio to the closest phrasing, counted only above 50%, for typos the
/// spelling corrector missed.</item>
/// </list>
/// Terms the index has never seen count against the question at the highest idf, so unrelated questions score low.
/// A question that is (nearly) one of the phrasings scores at least cosine x fuzzy ratio of that phrasing, so an
/// exact phrasing is certain (1.0) whatever the other signals say.
/// Immutable after construction and thread-safe.
/// </summary>
public sealed class TopicMatcher
{
    private readonly TextAnalyzer _analyzer;
    private readonly MatcherOptions _options;
    private readonly string[] _targetIds;
    private readonly int[] _docTarget;
    private readonly double[] _docNorm;
    private readonly string[] _docContent;
    private readonly string[] _docSorted;
    private readonly int[][] _docHistograms;
    private readonly Dictionary<string, int> _termIds;
    private readonly double[] _docIdf;
    private readonly double[] _targetIdf;
    private readonly int[][] _postings;
    private readonly int[][] _phrasingTargets;
    private readonly int[][] _descriptionTargets;
    private readonly double _unknownDocIdf;
    private readonly double _unknownTargetIdf;
    private readonly double _weightSum;
    /// <summary>Weight of a term the index has never seen, as a share of the highest idf (it counts against the question).</summary>
    private const double UnknownFactor = 0.75;

    /// <summary>How many of the term-closest documents are also compared fuzzily.</summary>
    private const int FuzzyCandidates = 5;
    private readonly Dictionary<int, int>[] _termCounts;
    private readonly double[] _countTotals;
    private readonly double[] _logDenominators;

    /// <summary>Builds the index over <paramref name="targets"/> with <paramref name="analyzer"/> (synonyms already added).</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="MatcherOptions.Validate"/>).</exception>
    public TopicMatcher(IReadOnlyList<MatchTarget> targets, TextAnalyzer analyzer, MatcherOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _analyzer = analyzer;
        _options = options;
        _weightSum = options.PhrasingWeight + options.CoverageWeight + options.DescriptionWeight + options.FuzzyWeight + options.PosteriorWeight;
        _targetIds = targets.Select(t => t.Id).ToArray();
        _termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int TermId(string term)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                _termIds[term] = id = _termIds.Count;
            }

            return id;
        }

        var docTerms = new List<int[]>();
        var docTarget = new List<int>();
        var docContent = new List<string>();
        var docWords = new List<IReadOnlyList<string>>();
        var phrasingVocabulary = new HashSet<int>[targets.Count];
        var descriptionVocabulary = new HashSet<int>[targets.Count];
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < targets.Count; t++)
        {
            phrasingVocabulary[t] = [];
            descriptionVocabulary[t] = [];
            foreach (var phrasing in targets[t].Phrasings.Distinct(StringComparer.Ordinal))
            {
                var analyzed = analyzer.Analyze(phrasing, correctSpelling: false);
                if (analyzed.IsEmpty)
                {
                    continue;
                }

                var ids = analyzed.Terms.Select(TermId).Distinct().ToArray();
                docTerms.Add(ids);
                docTarget.Add(t);
                docContent.Add(analyzed.ContentText);
                docWords.Add(analyzed.Words);
                phrasingVocabulary[t].UnionWith(ids);
                foreach (var word in analyzed.Words)
                {
                    words[word] = words.GetValueOrDefault(word) + 1;
                }
            }

            foreach (var text in targets[t].Description ?? [])
            {
                var analyzed = analyzer.Analyze(text, correctSpelling: false);
                descriptionVocabulary[t].UnionWith(analyzed.Terms.Select(TermId));
                foreach (var word in analyzed.Words)
                {
                    words[word] = words.GetValueOrDefault(word) + 1;
                }
            }
        }

        _termCounts = Enumerable.Range(0, targets.Count).Select(_ => new Dictionary<int, int>()).ToArray();
        for (var d = 0; d < docTerms.Count; d++)
        {
            foreach (var id in docTerms[d])
            {
                _termCounts[docTarget[d]][id] = _termCounts[docTarget[d]].GetValueOrDefault(id) + 1;
            }
        }

        _countTotals = _termCounts.Select(c => (double)c.Values.Sum()).ToArray();
        _logDenominators = _countTotals.Select(total => Math.Log(total + (PosteriorAlpha * _termIds.Count))).ToArray();
        var termCount = _termIds.Count;
        var postings = Enumerable.Range(0, termCount).Select(_ => new List<int>()).ToArray();
        for (var d = 0; d < docTerms.Count; d++)
        {
            foreach (var id in docTerms[d])
            {
                postings[id].Add(d);
            }
        }

        _postings = postings.Select(p => p.ToArray()).ToArray();
        _docTarget = docTarget.ToArray();
        _docContent = docContent.ToArray();
        _docSorted = docWords.Select(SortWords).ToArray();
        _docHistograms = _docSorted.Select(CharacterHistogram.Of).ToArray();
        _docIdf = _postings.Select(p => Idf(docTerms.Count, p.Length)).ToArray();
        _unknownDocIdf = UnknownFactor * Idf(docTerms.Count, 0);
        _docNorm = docTerms.Select(ts => Math.Sqrt(ts.Sum(id => _docIdf[id] * _docIdf[id]))).ToArray();

        _phrasingTargets = Invert(phrasingVocabulary, termCount);
        _descriptionTargets = Invert(descriptionVocabulary, termCount);
        _targetIdf = Enumerable.Range(0, termCount)
            .Select(id => Idf(targets.Count, _phrasingTargets[id].Union(_descriptionTargets[id]).Count()))
            .ToArray();
        _unknownTargetIdf = UnknownFactor * Idf(targets.Count, 0);
        analyzer.SetVocabulary(words, _termIds.Keys);
    }

    /// <summary>Builds a matcher over all topics of <paramref name="knowledge"/> plus <paramref name="extraTargets"/> (e.g. dialogs).</summary>
    public static TopicMatcher Create(KnowledgeBase knowledge, MatcherOptions options, IEnumerable<MatchTarget>? extraTargets = null)
    {
        var analyzer = TextAnalyzer.CreateDefault();
        analyzer.AddSynonyms(knowledge.Synonyms);
        var targets = knowledge.Topics
            .Select(t => new MatchTarget(t.Id,
                t.Phrasings.Values.SelectMany(p => p).Append(t.Title.En).Concat(t.Title.Zh is null ? [] : [t.Title.Zh]).ToList(),
                t.Answer.Zh is null ? [t.Answer.En] : [t.Answer.En, t.Answer.Zh]))
            .Concat(knowledge.OutOfScope.Select(g => new MatchTarget(OutOfScopeGroup.TargetPrefix + g.Id, g.Phrasings.Values.SelectMany(p => p).ToList())))
            .Concat(extraTargets ?? [])
            .ToList();
        return new TopicMatcher(targets, analyzer, options);
    }

    /// <summary>The analyzer this matcher uses (shared with anything that must read text the same way).</summary>
    public TextAnalyzer Analyzer => _analyzer;

    /// <summary>Number of indexed documents (phrasings and titles).</summary>
    public int DocumentCount => _docTarget.Length;

    /// <summary>Number of distinct terms in the index (phrasings and descriptions).</summary>
    public int TermCount => _termIds.Count;

    /// <summary>Ranks all targets for <paramref name="utterance"/> and decides answer, clarify or fallback.</summary>
    public MatchResult Match(string? utterance)
    {
        var query = _analyzer.Analyze(utterance);
        var ranked = Rank(query);
        return Decide(query, ranked) with { Ranked = ranked };
    }

    /// <summary>Scores every target that shares a term with <paramref name="query"/>, best first (confidence &gt; 0 only).</summary>
    public IReadOnlyList<MatchCandidate> Rank(AnalyzedText query) =>
        Score(query).Select(s => new MatchCandidate(_targetIds[s.Target], s.Confidence)).ToList();

    /// <summary>
    /// How the matcher read <paramref name="utterance"/> and why it ranked the top targets as it did: the terms, and for
    /// each of the best <paramref name="top"/> targets its signals and closest phrasing. For authors and tuning.
    /// </summary>
    public MatchExplanation Explain(string? utterance, int top = 5)
    {
        var query = _analyzer.Analyze(utterance);
        var scores = Score(query);
        return new MatchExplanation(query, Decide(query, scores.Select(s => new MatchCandidate(_targetIds[s.Target], s.Confidence)).ToList()),
            scores.Take(top).Select(s => new TargetExplanation(_targetIds[s.Target], s.Confidence, s.Phrasing, s.Coverage, s.Description, s.Fuzzy,
                s.Posterior, s.BestDocument >= 0 ? _docContent[s.BestDocument] : string.Empty)).ToList());
    }

    private List<TargetScore> Score(AnalyzedText query)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        var known = new List<int>();
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
            return [];
        }

        // Work and memory in proportion to what the question touches, not to the size of the content: per-query
        // scratch arrays are rented once per thread and only the entries touched are read and cleared again.
        var scratch = Scratch.For(_targetIds.Length, _docTarget.Length);
        var coverage = scratch.Coverage;
        var description = scratch.Description;
        var dot = scratch.Dot;
        var touchedTargets = scratch.TouchedTargets;
        var touched = scratch.TouchedDocuments;
        touchedTargets.Clear();
        touched.Clear();
        try
        {
            foreach (var id in known)
            {
                foreach (var t in _phrasingTargets[id])
                {
                    if (coverage[t] == 0 && description[t] == 0)
                    {
                        touchedTargets.Add(t);
                    }

                    coverage[t] += _targetIdf[id];
                }

                foreach (var t in _descriptionTargets[id])
                {
                    if (coverage[t] == 0 && description[t] == 0)
                    {
                        touchedTargets.Add(t);
                    }

                    description[t] += _targetIdf[id];
                }

                var weight = _docIdf[id] * _docIdf[id];
                foreach (var doc in _postings[id])
                {
                    if (dot[doc] == 0)
                    {
                        touched.Add(doc);
                    }

                    dot[doc] += weight;
                }
            }

            return Score(query, known, queryDocNormSquared, queryMass, scratch, touchedTargets, touched);
        }
        finally
        {
            foreach (var t in touchedTargets)
            {
                scratch.ClearTarget(t);
            }

            foreach (var doc in touched)
            {
                dot[doc] = 0;
            }
        }
    }

    private List<TargetScore> Score(AnalyzedText query, List<int> known, double queryDocNormSquared, double queryMass, Scratch scratch,
        List<int> touchedTargets, List<int> touched)
    {
        var (coverage, description, dot) = (scratch.Coverage, scratch.Description, scratch.Dot);
        var (phrasing, fuzzy, exact, bestDocument) = (scratch.Phrasing, scratch.Fuzzy, scratch.Exact, scratch.BestDocument);
        var queryNorm = Math.Sqrt(queryDocNormSquared);
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

        // Fuzzy comparison is the expensive part: only the documents closest by terms are compared character by
        // character (a typo-laden question still shares most of its terms with the phrasing it resembles).
        var content = query.ContentText;
        if (_options.FuzzyWeight > 0 && content.Length > 0)
        {
            var sortedContent = SortWords(query.Words);
            var queryHistogram = CharacterHistogram.Of(sortedContent);
            foreach (var doc in ClosestDocuments(touched, dot, scratch.Closest))
            {
                if (_docContent[doc].Length == 0)
                {
                    continue;
                }

                // The ratio is at most 2·min/(sum) of the lengths: skip documents that could not reach the 50% that counts.
                var t = _docTarget[doc];
                var lengths = sortedContent.Length + _docSorted[doc].Length;
                if (2.0 * Math.Min(sortedContent.Length, _docSorted[doc].Length) / lengths <= 0.5)
                {
                    continue;
                }

                // Nor documents whose best possible ratio (from character counts, +0.005 for FuzzySharp's rounding to whole
                // percents) could not raise their target's fuzzy or exact signal above what a closer document already gave.
                var maxRatio = CharacterHistogram.MaxRatio(queryHistogram, sortedContent.Length, _docHistograms[doc], _docSorted[doc].Length) + 0.005;
                if (Math.Max(0, (maxRatio - 0.5) * 2) <= fuzzy[t] && dot[doc] * maxRatio <= exact[t])
                {
                    continue;
                }

                var ratio = Fuzz.Ratio(sortedContent, _docSorted[doc], PreprocessMode.None) / 100.0; // token-sort ratio
                fuzzy[t] = Math.Max(fuzzy[t], Math.Max(0, (ratio - 0.5) * 2));
                exact[t] = Math.Max(exact[t], dot[doc] * ratio);
            }
        }

        var posterior = Posterior(known, touchedTargets, scratch.Posterior);
        var result = new List<TargetScore>(touchedTargets.Count);
        for (var i = 0; i < touchedTargets.Count; i++)
        {
            var t = touchedTargets[i];
            var signals = new TargetScore(t, 0, phrasing[t], coverage[t] / queryMass, description[t] / queryMass, fuzzy[t], bestDocument[t] - 1,
                posterior[i] * coverage[t] / queryMass);
            var blend = ((_options.PhrasingWeight * signals.Phrasing)
                         + (_options.CoverageWeight * signals.Coverage)
                         + (_options.DescriptionWeight * signals.Description)
                         + (_options.FuzzyWeight * signals.Fuzzy)
                         + (_options.PosteriorWeight * signals.Posterior)) / _weightSum;
            var score = Math.Max(blend, exact[t]); // a question that is (nearly) one of the phrasings is (nearly) certain
            if (score > 0)
            {
                result.Add(signals with { Confidence = Math.Round(Math.Clamp(score, 0, 1), 4) });
            }
        }

        result.Sort((a, b) => b.Confidence.CompareTo(a.Confidence) is var c && c != 0 ? c : string.CompareOrdinal(_targetIds[a.Target], _targetIds[b.Target]));
        return result;
    }

    /// <summary>
    /// The <see cref="FuzzyCandidates"/> touched documents with the highest cosine (in <paramref name="cosines"/>), found
    /// in one pass over them instead of sorting them all (a question made of common words touches most of the content).
    /// Where the last place is shared by equal cosines, which of them count is decided as it always was: by sorting all
    /// touched documents by cosine (an unstable sort, whose choice among equals only that sort reproduces).
    /// </summary>
    private static List<int> ClosestDocuments(List<int> touched, double[] cosines, List<int> closest)
    {
        closest.Clear();
        if (touched.Count <= FuzzyCandidates)
        {
            closest.AddRange(touched);
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

        if (cosines[best[FuzzyCandidates - 1]] > cosines[best[FuzzyCandidates]])
        {
            foreach (var doc in best[..FuzzyCandidates])
            {
                closest.Add(doc);
            }

            return closest;
        }

        var order = touched.ToArray();
        var keys = Array.ConvertAll(order, doc => cosines[doc]);
        Array.Sort(keys, order);
        for (var i = order.Length - 1; i >= order.Length - FuzzyCandidates; i--)
        {
            closest.Add(order[i]);
        }

        return closest;
    }

    /// <summary>
    /// Multinomial naive Bayes posterior P(target | known terms) with add-α smoothing over phrasing term counts and a
    /// uniform prior: which target the question's words point to, relative to the others (sums to 1 over all targets).
    /// Written for <paramref name="touchedTargets"/> only (in that order) into the first entries of
    /// <paramref name="logLikelihood"/> (per-thread scratch at least as long as the targets). A target none of whose phrasings holds any of
    /// the terms has log-likelihood K·(log α − log(N_t + αV)) for K known terms; their sum is taken from a per-K total
    /// over all targets computed once (<see cref="UntouchedMass"/>), so the cost is that of the touched targets only.
    /// </summary>
    private double[] Posterior(List<int> known, List<int> touchedTargets, double[] logLikelihood)
    {
        var k = known.Count;
        var logAlpha = Math.Log(PosteriorAlpha);
        var max = double.NegativeInfinity;
        for (var i = 0; i < touchedTargets.Count; i++)
        {
            var t = touchedTargets[i];
            var ll = -k * _logDenominators[t];
            foreach (var id in known)
            {
                ll += Math.Log(_termCounts[t].GetValueOrDefault(id) + PosteriorAlpha);
            }

            logLikelihood[i] = ll;
            max = Math.Max(max, ll);
        }

        // Sum over all targets of exp(-k·logDen_t - shift), and the part of it that belongs to the touched targets.
        var (allMass, shift) = UntouchedMass(k);
        var touchedMass = 0.0;
        foreach (var t in touchedTargets)
        {
            touchedMass += Math.Exp((-k * _logDenominators[t]) - shift);
        }

        var untouchedLog = (k * logAlpha) + shift; // log of the untouched targets' likelihood, per unit of mass
        var untouchedMass = Math.Max(0, allMass - touchedMass);
        max = Math.Max(max, untouchedLog);
        var sum = untouchedMass * Math.Exp(untouchedLog - max);
        for (var i = 0; i < touchedTargets.Count; i++)
        {
            logLikelihood[i] = Math.Exp(logLikelihood[i] - max);
            sum += logLikelihood[i];
        }

        for (var i = 0; i < touchedTargets.Count; i++)
        {
            logLikelihood[i] /= sum;
        }

        return logLikelihood;
    }

    private const double PosteriorAlpha = 0.05;

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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (double Mass, double Shift)> _untouchedMass = new();

    /// <summary>Per-thread scratch arrays for scoring, at least as long as the largest matcher used on the thread; all zero between queries.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        private Scratch(int targets, int documents)
        {
            Coverage = new double[targets];
            Description = new double[targets];
            Phrasing = new double[targets];
            Fuzzy = new double[targets];
            Exact = new double[targets];
            BestDocument = new int[targets];
            Posterior = new double[targets];
            Dot = new double[documents];
        }

        /// <summary>The targets a question touched, in the order first touched.</summary>
        public List<int> TouchedTargets { get; } = [];

        /// <summary>The documents a question touched, in the order first touched.</summary>
        public List<int> TouchedDocuments { get; } = [];

        /// <summary>The documents compared fuzzily.</summary>
        public List<int> Closest { get; } = [];

        public double[] Coverage { get; }

        public double[] Description { get; }

        public double[] Phrasing { get; }

        public double[] Fuzzy { get; }

        public double[] Exact { get; }

        public int[] BestDocument { get; }

        /// <summary>The posterior of each touched target, by its place in the touched list (written before it is read).</summary>
        public double[] Posterior { get; }

        public double[] Dot { get; }

        public static Scratch For(int targets, int documents)
        {
            if (_current is null || _current.Coverage.Length < targets || _current.Dot.Length < documents)
            {
                _current = new Scratch(Math.Max(targets, _current?.Coverage.Length ?? 0), Math.Max(documents, _current?.Dot.Length ?? 0));
            }

            return _current;
        }

        public void ClearTarget(int t) => (Coverage[t], Description[t], Phrasing[t], Fuzzy[t], Exact[t], BestDocument[t]) = (0, 0, 0, 0, 0, 0);
    }

    private readonly record struct TargetScore(int Target, double Confidence, double Phrasing, double Coverage, double Description, double Fuzzy,
        int BestDocument, double Posterior);

    private MatchResult Decide(AnalyzedText query, IReadOnlyList<MatchCandidate> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Confidence < _options.ClarifyThreshold)
        {
            return new MatchResult(MatchOutcome.Fallback, [], query);
        }

        var top = ranked[0];
        if (IsOutOfScope(top))
        {
            return new MatchResult(MatchOutcome.Fallback, [top], query); // recognised as a question the bot declines
        }

        var second = ranked.Count > 1 ? ranked[1].Confidence : 0;
        if (top.Confidence >= _options.AnswerThreshold && top.Confidence - second >= _options.AmbiguityMargin)
        {
            return new MatchResult(MatchOutcome.Answer, [top], query);
        }

        var answerable = ranked.Where(c => !IsOutOfScope(c)).ToList();
        var offered = answerable
            .Where(c => c.Confidence >= top.Confidence - _options.ClarifyBand && c.Confidence >= _options.ClarifyThreshold)
            .Take(_options.MaxClarifyCandidates)
            .ToList();
        if (offered.Count == 1 && answerable.Count > 1 && answerable[1].Confidence >= _options.ClarifyThreshold / 2)
        {
            offered.Add(answerable[1]); // a clarify reply always offers a choice
        }

        if (offered.Count >= 2)
        {
            return new MatchResult(MatchOutcome.Clarify, offered, query);
        }

        return top.Confidence >= _options.AnswerThreshold
            ? new MatchResult(MatchOutcome.Answer, [top], query)
            : new MatchResult(MatchOutcome.Fallback, [], query);
    }

    private static bool IsOutOfScope(MatchCandidate candidate) =>
        candidate.Id.StartsWith(OutOfScopeGroup.TargetPrefix, StringComparison.Ordinal);

    /// <summary>The words in ordinal order joined by spaces: comparing two such strings is FuzzySharp's token-sort ratio.</summary>
    private static string SortWords(IReadOnlyList<string> words) => string.Join(' ', words.Order(StringComparer.Ordinal));

    private static int[][] Invert(HashSet<int>[] vocabularies, int termCount)
    {
        var lists = Enumerable.Range(0, termCount).Select(_ => new List<int>()).ToArray();
        for (var t = 0; t < vocabularies.Length; t++)
        {
            foreach (var id in vocabularies[t])
            {
                lists[id].Add(t);
            }
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }

    private static double Idf(int documents, int frequency) =>
        Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
}
