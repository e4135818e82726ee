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
public sealed partial class TopicMatcher
{
    private readonly TextAnalyzer _analyzer;
    private readonly MatcherOptions _options;
    private readonly string[] _targetIds;
    private readonly int[] _docTarget;
    private readonly double[] _docNorm;
    private readonly string[] _docSource; // the phrasing as written (shared with the content), for explanations
    private readonly string[] _docSorted;
    private readonly byte[][] _docHistograms; // capped counts (CharacterHistogram.Compact), shared with other matchers of the same analysis
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
    private readonly double[] _logDenominators;

    /// <summary>Builds the index over <paramref name="targets"/> with <paramref name="analyzer"/> (synonyms already added).</summary>
    /// <remarks>
    /// <paramref name="analyzer"/> is not changed: the matcher reads questions with its own copy that corrects spelling
    /// towards this index's words (<see cref="TextAnalyzer.WithVocabulary"/>, see <see cref="Analyzer"/>).
    /// </remarks>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="MatcherOptions.Validate"/>).</exception>
    public TopicMatcher(IReadOnlyList<MatchTarget> targets, TextAnalyzer analyzer, MatcherOptions options)
        : this(AnalyzedTarget.AnalyzeAll(targets, analyzer), analyzer, options)
    {
    }

    /// <summary>
    /// Builds the index over <paramref name="targets"/>, already analysed by <paramref name="analyzer"/>: each phrasing's
    /// texts and histogram are kept as they are, so matchers built from the same analysed targets share them.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="MatcherOptions.Validate"/>).</exception>
    internal TopicMatcher(IReadOnlyList<AnalyzedTarget> targets, TextAnalyzer analyzer, MatcherOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

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
        var docPhrasings = new List<AnalyzedPhrasing>();
        var phrasingVocabulary = new TargetTermSets(targets.Count);
        var descriptionVocabulary = new TargetTermSets(targets.Count);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < targets.Count; t++)
        {
            foreach (var phrasing in targets[t].Phrasings)
            {
                var ids = phrasing.Terms.Select(TermId).Distinct().ToArray();
                docTerms.Add(ids);
                docTarget.Add(t);
                docPhrasings.Add(phrasing);
                foreach (var id in ids)
                {
                    phrasingVocabulary.Add(t, id);
                }

                foreach (var word in phrasing.Words)
                {
                    words[word] = words.GetValueOrDefault(word) + 1;
                }
            }

            foreach (var analyzed in targets[t].Description)
            {
                foreach (var term in analyzed.Terms)
                {
                    descriptionVocabulary.Add(t, TermId(term));
                }

                foreach (var word in analyzed.Words)
                {
                    words[word] = words.GetValueOrDefault(word) + 1;
                }
            }

            phrasingVocabulary.Close(t);
            descriptionVocabulary.Close(t);
        }

        var termCount = _termIds.Count;
        _postings = Invert(docTerms, termCount);
        _docTarget = docTarget.ToArray();
        _docSource = docPhrasings.Select(p => p.Source).ToArray();
        _docSorted = docPhrasings.Select(p => p.Sorted).ToArray();
        _docHistograms = docPhrasings.Select(p => p.Histogram).ToArray();
        _docIdf = _postings.Select(p => Idf(docTerms.Count, p.Length)).ToArray();
        _unknownDocIdf = UnknownFactor * Idf(docTerms.Count, 0);
        _docNorm = docTerms.Select(ts => Math.Sqrt(ts.Sum(id => _docIdf[id] * _docIdf[id]))).ToArray();

        _phrasingTargets = Invert(phrasingVocabulary.Sets, termCount);
        _descriptionTargets = Invert(descriptionVocabulary.Sets, termCount);
        _targetIdf = Enumerable.Range(0, termCount)
            .Select(id => Idf(targets.Count, _phrasingTargets[id].Union(_descriptionTargets[id]).Count()))
            .ToArray();
        _unknownTargetIdf = UnknownFactor * Idf(targets.Count, 0);
        _analyzer = analyzer.WithVocabulary(words, _termIds.Keys);
        (_phrasingLogCounts, _logDenominators) = PosteriorIndex(_phrasingTargets, phrasingVocabulary.Sets, docTerms, _docTarget); // TopicMatcher.Scoring.cs
        _bounds = BoundIndex.Build(targets.Count, _postings, _docTarget, _docNorm, _phrasingTargets); // pruning index (TopicMatcher.Bounds.cs)
    }

    /// <summary>The analyzer this matcher uses (shared with anything that must read text the same way).</summary>
    public TextAnalyzer Analyzer => _analyzer;

    /// <summary>Number of indexed documents (phrasings and titles).</summary>
    public int DocumentCount => _docTarget.Length;

    /// <summary>Number of distinct terms in the index (phrasings and descriptions).</summary>
    public int TermCount => _termIds.Count;

    /// <summary>Ranks all targets for <paramref name="utterance"/> and decides answer, clarify or fallback.</summary>
    /// <remarks>
    /// <see cref="MatchResult.Ranked"/> holds the best few targets at once and orders the rest only if a caller reads
    /// past them (the same sequence as <see cref="Rank"/>).
    /// </remarks>
    public MatchResult Match(string? utterance) => MatchTokenized(_analyzer.Tokenize(utterance));

    /// <summary>
    /// <see cref="Match"/> for a message already tokenised by an analyzer with this matcher's tokenizers (see
    /// <see cref="TextAnalyzer.CanRead"/>): the same result as matching the text itself, so one tokenised message serves
    /// several matchers built on one analyzer, each correcting its spelling towards its own words.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="utterance"/> was tokenised by other tokenizers.</exception>
    public MatchResult MatchTokenized(TokenizedText utterance)
    {
        var query = _analyzer.Analyze(utterance);
        var ranked = RankLazily(query);
        return Decide(query, ranked) with { Ranked = ranked };
    }

    /// <summary>Scores every target that shares a term with <paramref name="query"/>, best first (confidence &gt; 0 only).</summary>
    public IReadOnlyList<MatchCandidate> Rank(AnalyzedText query) =>
        ScoreAll(query).Select(s => new MatchCandidate(_targetIds[s.Target], s.Confidence)).ToList();

    /// <summary>
    /// How the matcher read <paramref name="utterance"/> and why it ranked the top targets as it did: the terms, and for
    /// each of the best <paramref name="top"/> targets its signals and closest phrasing. For authors and tuning.
    /// </summary>
    public MatchExplanation Explain(string? utterance, int top = 5)
    {
        var query = _analyzer.Analyze(utterance);
        var scores = ScoreAll(query);
        return new MatchExplanation(query, Decide(query, scores.Select(s => new MatchCandidate(_targetIds[s.Target], s.Confidence)).ToList()),
            scores.Take(top).Select(s => new TargetExplanation(_targetIds[s.Target], s.Confidence, s.Phrasing, s.Coverage, s.Description, s.Fuzzy,
                s.Posterior, s.BestDocument >= 0 ? ContentOf(s.BestDocument) : string.Empty)).ToList());
    }

    // The content words of document doc in order, read again from its phrasing (reading content needs no vocabulary).
    private string ContentOf(int doc) => _analyzer.Analyze(_docSource[doc], correctSpelling: false).ContentText;

    private static bool IsOutOfScope(MatchCandidate candidate) =>
        candidate.Id.StartsWith(OutOfScopeGroup.TargetPrefix, StringComparison.Ordinal);

    /// <summary>The words in ordinal order joined by spaces: comparing two such strings is FuzzySharp's token-sort ratio.</summary>
    internal static string SortWords(IReadOnlyList<string> words) => string.Join(' ', words.Order(StringComparer.Ordinal));

    /// <summary>
    /// For each term id below <paramref name="termCount"/>, the indexes of the <paramref name="sets"/> that hold it, in
    /// ascending order (each set holds a term at most once). Counted first, so each list is allocated once at its size.
    /// </summary>
    private static int[][] Invert<TSet>(IReadOnlyList<TSet> sets, int termCount)
        where TSet : IEnumerable<int>
    {
        var counts = new int[termCount];
        foreach (var set in sets)
        {
            foreach (var id in set)
            {
                counts[id]++;
            }
        }

        var lists = counts.Select(n => new int[n]).ToArray();
        Array.Clear(counts);
        for (var i = 0; i < sets.Count; i++)
        {
            foreach (var id in sets[i])
            {
                lists[id][counts[id]++] = i;
            }
        }

        return lists;
    }

    private static double Idf(int documents, int frequency) =>
        Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
}
