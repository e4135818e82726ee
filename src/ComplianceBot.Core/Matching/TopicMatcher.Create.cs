using ComplianceBot.Core.Knowledge;

namespace ComplianceBot.Core.Matching;

/// <summary>Building matchers over a knowledge base (the topics, their out-of-scope groups, and extra targets such as dialogs).</summary>
public sealed partial class TopicMatcher
{
    /// <summary>Builds a matcher over all topics of <paramref name="knowledge"/> plus <paramref name="extraTargets"/> (e.g. dialogs).</summary>
    /// <param name="knowledge">The knowledge base.</param>
    /// <param name="options">The matching options.</param>
    /// <param name="extraTargets">Targets indexed after the knowledge's.</param>
    /// <param name="analyzer">
    /// The analyzer to read with, <paramref name="knowledge"/>'s synonyms already added (default:
    /// <see cref="CreateAnalyzer"/>); it is not changed.
    /// </param>
    public static TopicMatcher Create(KnowledgeBase knowledge, MatcherOptions options, IEnumerable<MatchTarget>? extraTargets = null,
        TextAnalyzer? analyzer = null)
    {
        analyzer ??= CreateAnalyzer(knowledge);
        return new TopicMatcher(Targets(knowledge).Concat(extraTargets ?? []).ToList(), analyzer, options);
    }

    /// <summary>
    /// Builds the two matchers of one content version from one analysis: <c>Topics</c> over the topics and out-of-scope
    /// groups of <paramref name="knowledge"/> alone, and <c>All</c> over the same followed by
    /// <paramref name="extraTargets"/> (e.g. dialogs). Each phrasing is analysed once and both matchers keep the same
    /// texts and histograms of it; both read questions with tokenizers of <paramref name="analyzer"/>, so a question
    /// tokenised once serves both (<see cref="MatchTokenized"/>). Each matcher is exactly what
    /// <see cref="Create"/> builds: <c>Topics</c>' term statistics and spelling vocabulary do not depend on
    /// <paramref name="extraTargets"/>.
    /// </summary>
    /// <param name="knowledge">The knowledge base.</param>
    /// <param name="options">The matching options of both.</param>
    /// <param name="extraTargets">The targets only <c>All</c> indexes, after the knowledge's.</param>
    /// <param name="analyzer">
    /// The analyzer to read with, <paramref name="knowledge"/>'s synonyms already added (default:
    /// <see cref="CreateAnalyzer"/>); it is not changed.
    /// </param>
    public static (TopicMatcher Topics, TopicMatcher All) CreatePair(KnowledgeBase knowledge, MatcherOptions options,
        IReadOnlyList<MatchTarget> extraTargets, TextAnalyzer? analyzer = null)
    {
        analyzer ??= CreateAnalyzer(knowledge);
        var topics = AnalyzedTarget.AnalyzeAll(Targets(knowledge), analyzer);
        var extra = AnalyzedTarget.AnalyzeAll(extraTargets, analyzer);
        var topicsOnly = Task.Run(() => new TopicMatcher(topics, analyzer, options));
        var all = new TopicMatcher([.. topics, .. extra], analyzer, options);
        return (topicsOnly.GetAwaiter().GetResult(), all);
    }

    /// <summary>The analyzer matchers over <paramref name="knowledge"/> read with: English and Chinese, with its synonyms.</summary>
    public static TextAnalyzer CreateAnalyzer(KnowledgeBase knowledge)
    {
        var analyzer = TextAnalyzer.CreateDefault();
        analyzer.AddSynonyms(knowledge.Synonyms);
        return analyzer;
    }

    /// <summary>The match targets of <paramref name="knowledge"/>: each topic (phrasings and titles; its answer as description), then each out-of-scope group.</summary>
    private static List<MatchTarget> Targets(KnowledgeBase knowledge) =>
        knowledge.Topics
            .Select(t => new MatchTarget(t.Id,
                t.Phrasings.Values.SelectMany(p => p).Append(t.Title.En).Concat(t.Title.Zh is null ? [] : [t.Title.Zh]).ToList(),
                t.Answer.Zh is null ? [t.Answer.En] : [t.Answer.En, t.Answer.Zh]))
            .Concat(knowledge.OutOfScope.Select(g => new MatchTarget(OutOfScopeGroup.TargetPrefix + g.Id, g.Phrasings.Values.SelectMany(p => p).ToList())))
            .ToList();
}
