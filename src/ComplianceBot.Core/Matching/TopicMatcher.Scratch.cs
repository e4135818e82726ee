namespace ComplianceBot.Core.Matching;

/// <summary>The per-thread arrays scoring works in.</summary>
public sealed partial class TopicMatcher
{
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
            LogLikelihood = new double[targets];
            TermsDone = new int[targets];
            PosteriorSignal = new double[targets];
            Confidence = new double[targets];
            Scored = new bool[targets];
            TouchedTargets = new int[targets];
            Dot = new double[documents];
            TouchedDocuments = new int[documents];
            SortOrder = new int[documents];
            SortKeys = new double[documents];
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

        /// <summary>The documents compared fuzzily.</summary>
        public List<int> Closest { get; } = [];

        /// <summary>Groups of tied documents that could change a score: one of them, and how many there are.</summary>
        public List<(int Document, int Size)> TiedGroups { get; } = [];

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

        /// <summary>Room to sort the touched documents by cosine when the fifth place is shared.</summary>
        public int[] SortOrder { get; }

        public double[] SortKeys { get; }

        public static Scratch For(int targets, int documents)
        {
            if (_current is null || _current.Coverage.Length < targets || _current.Dot.Length < documents)
            {
                _current = new Scratch(Math.Max(targets, _current?.Coverage.Length ?? 0), Math.Max(documents, _current?.Dot.Length ?? 0));
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
            }

            foreach (var doc in TouchedDocuments.AsSpan(0, TouchedDocumentCount))
            {
                Dot[doc] = 0;
            }

            (TouchedTargetCount, TouchedDocumentCount, ScoredCount) = (0, 0, 0);
        }
    }
}
