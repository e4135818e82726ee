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
            SharedSquares = new double[targets];
            ContributionBound = new double[targets];
            PhrasingBounds = new double[targets];
            UpperConfidence = new double[targets];
            Evaluated = new bool[targets];
            QueryTermIndex = new int[terms];
            Coverage = new double[targets];
            Description = new double[targets];
            Phrasing = new double[targets];
            Fuzzy = new double[targets];
            Exact = new double[targets];
            BestDocument = new int[targets];
            LogLikelihood = new double[targets];
            TermsDone = new int[targets];
            PosteriorSignal = new double[targets];
            Confidence = new double[targets];
            Scored = new bool[targets];
            TouchedTargets = new int[targets];
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

        /// <summary>How many touched targets scored above 0.</summary>
        public int ScoredCount { get; set; }

        /// <summary>The documents compared fuzzily, best first (see <see cref="Closer"/>), then those tied with the last of them.</summary>
        public List<int> Closest { get; } = [];

        /// <summary>Room to collect the documents tied with the last of <see cref="Closest"/>.</summary>
        public List<int> Tied { get; } = [];

        /// <summary>Per target: the sum of the squared idf weights of the question's terms its phrasings hold (for <see cref="PhrasingBound"/>).</summary>
        public double[] SharedSquares { get; }

        /// <summary>Per target: the sum over the question's terms its phrasings hold of weight × the term's largest 1/|d| in the target (for <see cref="PhrasingBound"/>).</summary>
        public double[] ContributionBound { get; }

        /// <summary>Per target: the upper bound on its phrasing signal (<see cref="PhrasingBound"/>; 0 when none of its phrasings shares a term).</summary>
        public double[] PhrasingBounds { get; }

        /// <summary>Per target not <see cref="Evaluated"/>: its confidence with the phrasing bound, never below its confidence.</summary>
        public double[] UpperConfidence { get; }

        /// <summary>Per target: whether its phrasing signal (closest phrasing's cosine) is known; else it is 0 and only bounded.</summary>
        public bool[] Evaluated { get; }

        /// <summary>Per term id: 1 + its place among the question's known terms, 0 for other terms.</summary>
        public int[] QueryTermIndex { get; }

        /// <summary>Postings entries (term to target and term to document) read on this thread since it started: work, for tests.</summary>
        public long PostingsWalked { get; set; }

        /// <summary>Documents whose cosine was computed on this thread since it started: work, for tests.</summary>
        public long DocumentsScored { get; set; }

        /// <summary>The scratch of the current thread, if it has matched anything.</summary>
        public static Scratch? Current => _current;

        public double[] Coverage { get; }

        public double[] Description { get; }

        public double[] Phrasing { get; }

        public double[] Fuzzy { get; }

        public double[] Exact { get; }

        public int[] BestDocument { get; }

        /// <summary>Per target: the naive-Bayes log-likelihood, then (after <see cref="Posterior"/>) the posterior.</summary>
        public double[] LogLikelihood { get; }

        /// <summary>Per target: 0 untouched, else 1 + the known terms already added to its log-likelihood.</summary>
        public int[] TermsDone { get; }

        public double[] PosteriorSignal { get; }

        public double[] Confidence { get; }

        public bool[] Scored { get; }

        public double[] Dot { get; }

        public static Scratch For(int targets, int documents, int terms)
        {
            if (_current is null || _current.Coverage.Length < targets || _current.Dot.Length < documents || _current.QueryTermIndex.Length < terms)
            {
                _current = new Scratch(Math.Max(targets, _current?.Coverage.Length ?? 0), Math.Max(documents, _current?.Dot.Length ?? 0), Math.Max(terms, _current?.QueryTermIndex.Length ?? 0))
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
                (Coverage[t], Description[t], Phrasing[t], Fuzzy[t], Exact[t], BestDocument[t]) = (0, 0, 0, 0, 0, 0);
                (LogLikelihood[t], TermsDone[t], PosteriorSignal[t], Confidence[t], Scored[t]) = (0, 0, 0, 0, false);
                (SharedSquares[t], ContributionBound[t], PhrasingBounds[t], UpperConfidence[t], Evaluated[t]) = (0, 0, 0, 0, false);
            }

            foreach (var id in Known)
            {
                QueryTermIndex[id] = 0;
            }

            foreach (var doc in TouchedDocuments.AsSpan(0, TouchedDocumentCount))
            {
                Dot[doc] = 0;
            }

            (TouchedTargetCount, TouchedDocumentCount, ScoredCount) = (0, 0, 0);
        }
    }
}
