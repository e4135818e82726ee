using ComplianceBot.Core.Knowledge;
using FuzzySharp;
using FuzzySharp.PreProcess;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Matches an utterance to topics and dialogs. Every phrasing (and title) of every target is one document in an
/// inverted index of terms. A document's score blends two signals:
/// <list type="bullet">
/// <item>the cosine similarity of idf-weighted term sets (terms absent from the index count against the query at the
/// highest idf, so unrelated questions score low), and</item>
/// <item>FuzzySharp's token-sort ratio of the content words, which tolerates typos the spelling corrector missed.</item>
/// </list>
/// A target's confidence is its best document's score. Immutable after construction and thread-safe.
/// </summary>
public sealed class TopicMatcher
{
    private readonly TextAnalyzer _analyzer;
    private readonly MatcherOptions _options;
    private readonly string[] _targetIds;
    private readonly int[] _docTarget;
    private readonly int[][] _docTerms;
    private readonly double[] _docNorm;
    private readonly string[] _docContent;
    private readonly Dictionary<string, int> _termIds;
    private readonly double[] _idf;
    private readonly int[][] _postings;
    private readonly double _unknownIdf;

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
        _targetIds = targets.Select(t => t.Id).ToArray();

        var docs = new List<(int Target, AnalyzedText Text)>();
        for (var t = 0; t < targets.Count; t++)
        {
            foreach (var phrasing in targets[t].Phrasings.Distinct(StringComparer.Ordinal))
            {
                var analyzed = analyzer.Analyze(phrasing, correctSpelling: false);
                if (!analyzed.IsEmpty)
                {
                    docs.Add((t, analyzed));
                }
            }
        }

        _termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        _docTarget = new int[docs.Count];
        _docTerms = new int[docs.Count][];
        _docContent = new string[docs.Count];
        for (var d = 0; d < docs.Count; d++)
        {
            var (target, text) = docs[d];
            _docTarget[d] = target;
            _docContent[d] = text.ContentText;
            var ids = new List<int>();
            foreach (var term in text.Terms.Distinct(StringComparer.Ordinal))
            {
                if (!_termIds.TryGetValue(term, out var id))
                {
                    _termIds[term] = id = postings.Count;
                    postings.Add([]);
                }

                postings[id].Add(d);
                ids.Add(id);
            }

            _docTerms[d] = ids.ToArray();
            foreach (var word in text.Words)
            {
                words[word] = words.GetValueOrDefault(word) + 1;
            }
        }

        var n = docs.Count;
        _postings = postings.Select(p => p.ToArray()).ToArray();
        _idf = _postings.Select(p => Idf(n, p.Length)).ToArray();
        _unknownIdf = Idf(n, 0);
        _docNorm = _docTerms.Select(ts => Math.Sqrt(ts.Sum(id => _idf[id] * _idf[id]))).ToArray();
        analyzer.SetVocabulary(words, _termIds.Keys);
    }

    /// <summary>Builds a matcher over all topics of <paramref name="knowledge"/> plus <paramref name="extraTargets"/> (e.g. dialogs).</summary>
    public static TopicMatcher Create(KnowledgeBase knowledge, MatcherOptions options, IEnumerable<MatchTarget>? extraTargets = null)
    {
        var analyzer = TextAnalyzer.CreateDefault();
        analyzer.AddSynonyms(knowledge.Synonyms);
        var targets = knowledge.Topics
            .Select(t => new MatchTarget(t.Id,
                t.Phrasings.Values.SelectMany(p => p)
                    .Append(t.Title.En).Concat(t.Title.Zh is null ? [] : [t.Title.Zh]).ToList()))
            .Concat(extraTargets ?? [])
            .ToList();
        return new TopicMatcher(targets, analyzer, options);
    }

    /// <summary>The analyzer this matcher uses (shared with anything that must read text the same way).</summary>
    public TextAnalyzer Analyzer => _analyzer;

    /// <summary>Number of indexed documents (phrasings and titles).</summary>
    public int DocumentCount => _docTarget.Length;

    /// <summary>Ranks all targets for <paramref name="utterance"/> and decides answer, clarify or fallback.</summary>
    public MatchResult Match(string? utterance)
    {
        var query = _analyzer.Analyze(utterance);
        var ranked = Rank(query);
        return Decide(query, ranked);
    }

    /// <summary>Scores every target that shares a term with <paramref name="query"/>, best first (confidence &gt; 0 only).</summary>
    public IReadOnlyList<MatchCandidate> Rank(AnalyzedText query)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        var queryTerms = new List<int>();
        double queryNormSquared = 0;
        var known = false;
        foreach (var term in query.Terms.Distinct(StringComparer.Ordinal))
        {
            if (_termIds.TryGetValue(term, out var id))
            {
                queryTerms.Add(id);
                queryNormSquared += _idf[id] * _idf[id];
                known = true;
            }
            else
            {
                queryNormSquared += _unknownIdf * _unknownIdf;
            }
        }

        if (!known)
        {
            return [];
        }

        var dot = new Dictionary<int, double>();
        foreach (var id in queryTerms)
        {
            var weight = _idf[id] * _idf[id];
            foreach (var doc in _postings[id])
            {
                dot[doc] = dot.GetValueOrDefault(doc) + weight;
            }
        }

        var queryNorm = Math.Sqrt(queryNormSquared);
        var best = new double[_targetIds.Length];
        var fuzzyWeight = _options.FuzzyWeight;
        var content = query.ContentText;
        foreach (var (doc, product) in dot)
        {
            var cosine = product / (queryNorm * _docNorm[doc]);
            var fuzzy = content.Length == 0 || _docContent[doc].Length == 0
                ? 0
                : Fuzz.TokenSortRatio(content, _docContent[doc], PreprocessMode.None) / 100.0;
            var score = ((1 - fuzzyWeight) * cosine) + (fuzzyWeight * fuzzy);
            var target = _docTarget[doc];
            if (score > best[target])
            {
                best[target] = score;
            }
        }

        var result = new List<MatchCandidate>();
        for (var t = 0; t < best.Length; t++)
        {
            if (best[t] > 0)
            {
                result.Add(new MatchCandidate(_targetIds[t], Math.Round(Math.Clamp(best[t], 0, 1), 4)));
            }
        }

        result.Sort((a, b) => b.Confidence.CompareTo(a.Confidence) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    private MatchResult Decide(AnalyzedText query, IReadOnlyList<MatchCandidate> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Confidence < _options.ClarifyThreshold)
        {
            return new MatchResult(MatchOutcome.Fallback, ranked.Take(3).ToList(), query);
        }

        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Confidence : 0;
        if (top.Confidence >= _options.AnswerThreshold && top.Confidence - second >= _options.AmbiguityMargin)
        {
            return new MatchResult(MatchOutcome.Answer, [top], query);
        }

        var offered = ranked
            .Where(c => c.Confidence >= top.Confidence - _options.ClarifyBand)
            .Take(_options.MaxClarifyCandidates)
            .ToList();
        if (offered.Count < 2 && ranked.Count > 1)
        {
            offered.Add(ranked[1]); // a clarify reply always offers a choice
        }

        return offered.Count >= 2
            ? new MatchResult(MatchOutcome.Clarify, offered, query)
            : new MatchResult(top.Confidence >= _options.AnswerThreshold ? MatchOutcome.Answer : MatchOutcome.Fallback, [top], query);
    }

    private static double Idf(int documents, int frequency) =>
        Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
}
