namespace ComplianceBot.Core.Matching;

/// <summary>The index data that lets a match score only the targets that can still reach the best few.</summary>
public sealed partial class TopicMatcher
{
    /// <summary>
    /// Built once from the inverted index: each document's terms (a forward index, to compute one document's cosine
    /// without walking the postings), each target's documents, and per (term, target) an upper bound on what the term
    /// can add to the cosine of any of the target's phrasings (see <see cref="PhrasingBound"/>).
    /// </summary>
    private sealed class BoundIndex
    {
        /// <summary>Questions with more known terms than this are scored in full (a term is one bit of a mask).</summary>
        public const int MaxQueryTerms = 64;

        private BoundIndex(int[] docTermStart, int[] docTerms, int[] targetDocStart, double[][] inverseNorms)
        {
            DocTermStart = docTermStart;
            DocTerms = docTerms;
            TargetDocStart = targetDocStart;
            InverseNorms = inverseNorms;
        }

        /// <summary>Document d's term ids are <c>DocTerms[DocTermStart[d]..DocTermStart[d + 1]]</c>, ascending.</summary>
        public int[] DocTermStart { get; }

        public int[] DocTerms { get; }

        /// <summary>Target t's documents are <c>TargetDocStart[t]..TargetDocStart[t + 1]</c> (each target's phrasings are consecutive documents).</summary>
        public int[] TargetDocStart { get; }

        /// <summary>
        /// Parallel to <c>_phrasingTargets</c>: for term <c>id</c> and the j-th target whose phrasings hold it, the largest
        /// 1/|d| over that target's documents d holding the term (|d| the document's idf norm).
        /// </summary>
        public double[][] InverseNorms { get; }

        /// <summary>Builds the bound index; null if a target's documents are not consecutive (then every match is scored in full).</summary>
        public static BoundIndex? Build(int targetCount, int[][] postings, int[] docTarget, double[] docNorm, int[][] phrasingTargets)
        {
            var documents = docTarget.Length;
            var targetDocStart = new int[targetCount + 1];
            for (var d = 0; d < documents; d++)
            {
                if (d > 0 && docTarget[d] < docTarget[d - 1])
                {
                    return null;
                }

                targetDocStart[docTarget[d] + 1]++;
            }

            for (var t = 0; t < targetCount; t++)
            {
                targetDocStart[t + 1] += targetDocStart[t];
            }

            var docTermStart = new int[documents + 1];
            foreach (var list in postings)
            {
                foreach (var doc in list)
                {
                    docTermStart[doc + 1]++;
                }
            }

            for (var d = 0; d < documents; d++)
            {
                docTermStart[d + 1] += docTermStart[d];
            }

            var docTerms = new int[docTermStart[documents]];
            var fill = docTermStart[..documents];
            var inverseNorms = new double[postings.Length][];
            for (var id = 0; id < postings.Length; id++)
            {
                var targets = phrasingTargets[id];
                var row = inverseNorms[id] = new double[targets.Length];
                var n = 0;
                foreach (var doc in postings[id])
                {
                    docTerms[fill[doc]++] = id;
                    var t = docTarget[doc];
                    while (n < targets.Length && targets[n] < t)
                    {
                        n++; // the postings and the term's targets are both ascending: one merge walk
                    }

                    if (n >= targets.Length || targets[n] != t)
                    {
                        n = Array.IndexOf(targets, t);
                    }

                    row[n] = Math.Max(row[n], 1 / docNorm[doc]);
                }
            }

            return new BoundIndex(docTermStart, docTerms, targetDocStart, inverseNorms);
        }
    }
}
