namespace ComplianceBot.Core.Matching;

/// <summary>The per-thread arrays scoring works in.</summary>
public sealed partial class TopicMatcher
{
    /// <summary>Per-thread scratch arrays for scoring, at least as long as the largest matcher used on the thread; all zero between queries.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        private Scratch(int targets, int documents, int terms)
        {
            Targets = new TargetSignals[targets];
            QueryTermIndex = new int[terms];
            TouchedTargets = new int[targets];
            EvaluatedTargets = new int[targets];
            Dot = new double[documents];
            TouchedDocuments = new int[documents];
        }

        /// <summary>The question's known term ids, in the order of its distinct terms.</summary>
        public List<int> Known { get; } = [];

        /// <summary>Total target idf of the question's terms (known and unknown).</summary>
        public double QueryMass { get; set; }

        /// <summary>The targets a question touched, in the order first touched (the first <see cref="TouchedTargetCount"/>).</summary>
        public int[] TouchedTargets { get; }

        public int TouchedTargetCount { get; set; }

        /// <summary>The documents a question touched, in the order first touched (the first <see cref="TouchedDocumentCount"/>).</summary>
        public int[] TouchedDocuments { get; }

        public int TouchedDocumentCount { get; set; }

        /// <summary>The largest log-likelihood of a touched target (see <see cref="LikelihoodSum"/>).</summary>
        public double MaxLogLikelihood { get; set; }

        /// <summary>The touched targets' share of the posterior's normaliser of untouched targets (see <see cref="LikelihoodSum"/>).</summary>
        public double TouchedMass { get; set; }

        /// <summary>Room for the targets whose phrasing signal pruned scoring computed.</summary>
        public int[] EvaluatedTargets { get; }

        /// <summary>The best targets, best first, as pruned scoring found them (the first <see cref="BestCount"/>).</summary>
        public int[] Best { get; } = new int[EagerlyRanked];

        /// <summary>How many of <see cref="Best"/> pruned scoring found; -1 when the targets were scored in full.</summary>
        public int BestCount { get; set; } = -1;

        /// <summary>How many touched targets scored above 0.</summary>
        public int ScoredCount { get; set; }

        /// <summary>The documents compared fuzzily, best first (see <see cref="Closer"/>), then those tied with the last of them.</summary>
        public List<int> Closest { get; } = [];

        /// <summary>Room to collect the documents tied with the last of <see cref="Closest"/>.</summary>
        public List<int> Tied { get; } = [];

        /// <summary>Per target: its sums and signals while a question is scored.</summary>
        public TargetSignals[] Targets { get; }

        /// <summary>Per term id: 1 + its place among the question's known terms, 0 for other terms.</summary>
        public int[] QueryTermIndex { get; }

        /// <summary>Postings entries (term to target and term to document) read on this thread since it started: work, for tests.</summary>
        public long PostingsWalked { get; set; }

        /// <summary>Documents whose cosine was computed on this thread since it started: work, for tests.</summary>
        public long DocumentsScored { get; set; }

        /// <summary>The scratch of the current thread, if it has matched anything.</summary>
        public static Scratch? Current => _current;

        public double[] Dot { get; }

        public static Scratch For(int targets, int documents, int terms)
        {
            if (_current is null || _current.Targets.Length < targets || _current.Dot.Length < documents || _current.QueryTermIndex.Length < terms)
            {
                _current = new Scratch(Math.Max(targets, _current?.Targets.Length ?? 0), Math.Max(documents, _current?.Dot.Length ?? 0), Math.Max(terms, _current?.QueryTermIndex.Length ?? 0))
                {
                    PostingsWalked = _current?.PostingsWalked ?? 0,
                    DocumentsScored = _current?.DocumentsScored ?? 0,
                };
            }

            return _current;
        }

        /// <summary>Zeroes what the last question touched.</summary>
        public void Clear()
        {
            foreach (var t in TouchedTargets.AsSpan(0, TouchedTargetCount))
            {
                Targets[t] = default;
            }

            foreach (var id in Known)
            {
                QueryTermIndex[id] = 0;
            }

            foreach (var doc in TouchedDocuments.AsSpan(0, TouchedDocumentCount))
            {
                Dot[doc] = 0;
            }

            (TouchedTargetCount, TouchedDocumentCount, ScoredCount, BestCount) = (0, 0, 0, -1);
        }
    }

    /// <summary>
    /// One target's sums and signals while a question is scored, zero between questions. One record per target rather
    /// than an array per signal: a question touches thousands of targets at scale, and each pass over them then reads
    /// one or two cache lines per target instead of one per signal. The fields the postings walk adds to come first.
    /// </summary>
    private struct TargetSignals
    {
        /// <summary>0 untouched, else 1 + the known terms already added to <see cref="LogLikelihood"/>.</summary>
        public int TermsDone;

        /// <summary>1 + the closest phrasing (document) found, 0 none.</summary>
        public int BestDocument;

        /// <summary>The naive-Bayes log-likelihood, then (after <see cref="LikelihoodSum"/> and <see cref="PosteriorSignal"/>) the posterior.</summary>
        public double LogLikelihood;

        /// <summary>Target idf of the question's terms its phrasings hold.</summary>
        public double Coverage;

        /// <summary>The sum of the squared idf weights of the question's terms its phrasings hold (for <see cref="PhrasingBound"/>).</summary>
        public double SharedSquares;

        /// <summary>The sum over the question's terms its phrasings hold of weight × the term's largest 1/|d| in the target (for <see cref="PhrasingBound"/>).</summary>
        public double ContributionBound;

        /// <summary>Target idf of the question's terms its description holds.</summary>
        public double Description;

        public double PosteriorSignal;

        /// <summary>The closest phrasing's cosine (when <see cref="Evaluated"/> or scored in full).</summary>
        public double Phrasing;

        public double Fuzzy;

        public double Exact;

        /// <summary>The rounded confidence, when <see cref="Scored"/>.</summary>
        public double Confidence;

        /// <summary>An upper bound on <see cref="Phrasing"/> (<see cref="TopicMatcher.PhrasingBound"/>; 0 when none of its phrasings shares a term).</summary>
        public double PhrasingBound;

        /// <summary>When not <see cref="Evaluated"/>: the rounded confidence with <see cref="PhrasingBound"/>, never below the confidence.</summary>
        public double UpperConfidence;

        /// <summary>Whether it scored above 0 (and <see cref="Confidence"/> is set).</summary>
        public bool Scored;

        /// <summary>Whether <see cref="Phrasing"/> is known (pruned scoring); else it is only bounded.</summary>
        public bool Evaluated;
    }
}
