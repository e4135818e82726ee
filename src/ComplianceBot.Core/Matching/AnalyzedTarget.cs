using System.Collections.Concurrent;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// A <see cref="MatchTarget"/> read by a <see cref="TextAnalyzer"/> as content (no spelling correction), ready to be
/// indexed: its distinct non-empty phrasings and its description. Reading content does not depend on a matcher's
/// vocabulary, so targets analysed once can be indexed by every matcher built on the same analyzer (the topics-only
/// and the topics-and-dialogs matchers of one content version), which then keep the same phrasing texts and
/// histograms instead of copies.
/// </summary>
/// <param name="Id">The target's id.</param>
/// <param name="Phrasings">The target's distinct phrasings (ordinal) that leave terms, in their order.</param>
/// <param name="Description">The words and terms of each of the target's description texts.</param>
/// <remarks>
/// While matchers are built every target's analysis is alive at once (hundreds of MB at 10,000 topics), so it is kept
/// small: exact-size arrays, and one string per distinct word or term across all targets.
/// </remarks>
internal sealed record AnalyzedTarget(string Id, IReadOnlyList<AnalyzedPhrasing> Phrasings, IReadOnlyList<AnalyzedDescription> Description)
{
    /// <summary>Analyses <paramref name="targets"/> with <paramref name="analyzer"/>, several at a time; the result is in the same order.</summary>
    public static AnalyzedTarget[] AnalyzeAll(IReadOnlyList<MatchTarget> targets, TextAnalyzer analyzer)
    {
        var analyzed = new AnalyzedTarget[targets.Count];
        var strings = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.For(0, targets.Count, t => analyzed[t] = Analyze(targets[t], analyzer, s => strings.GetOrAdd(s, s)));
        return analyzed;
    }

    /// <summary>Analyses one target with <paramref name="analyzer"/>, keeping each word and term as <paramref name="pool"/> gives it.</summary>
    public static AnalyzedTarget Analyze(MatchTarget target, TextAnalyzer analyzer, Func<string, string> pool)
    {
        var phrasings = new List<AnalyzedPhrasing>();
        foreach (var phrasing in target.Phrasings.Distinct(StringComparer.Ordinal))
        {
            var analyzed = analyzer.Analyze(phrasing, correctSpelling: false);
            if (!analyzed.IsEmpty)
            {
                phrasings.Add(new AnalyzedPhrasing(phrasing, analyzed, pool));
            }
        }

        var description = (target.Description ?? [])
            .Select(text => analyzer.Analyze(text, correctSpelling: false))
            .Select(analyzed => new AnalyzedDescription([.. analyzed.Terms.Select(pool)], [.. analyzed.Words.Select(pool)]))
            .ToArray();
        return new AnalyzedTarget(target.Id, phrasings, description);
    }
}

/// <summary>A description text as the matcher indexes it: its terms and its words.</summary>
/// <param name="Terms">The index terms in order.</param>
/// <param name="Words">The content words in order.</param>
internal sealed record AnalyzedDescription(string[] Terms, string[] Words);

/// <summary>
/// One phrasing as the matcher indexes it: its terms and words, and what fuzzy comparison reads (the content words
/// sorted, and their character histogram), computed once and shared by every matcher that indexes it.
/// </summary>
internal sealed class AnalyzedPhrasing
{
    /// <summary>
    /// Reads <paramref name="analyzed"/>, the non-empty phrasing <paramref name="source"/> analysed as content, keeping
    /// each word and term as <paramref name="pool"/> gives it.
    /// </summary>
    public AnalyzedPhrasing(string source, AnalyzedText analyzed, Func<string, string> pool)
    {
        Source = source;
        Terms = [.. analyzed.Terms.Select(pool)];
        Words = [.. analyzed.Words.Select(pool)];
        Sorted = TopicMatcher.SortWords(analyzed.Words);
        Histogram = CharacterHistogram.Compact(Sorted);
    }

    /// <summary>
    /// The phrasing as the target gives it (the content's own string). Its content words in order
    /// (<see cref="AnalyzedText.ContentText"/>) are not kept: only explanations show them, and they read them again
    /// from this, which saves a string per phrasing (about 20 MB at 10,000 topics).
    /// </summary>
    public string Source { get; }

    /// <summary>The index terms in order.</summary>
    public string[] Terms { get; }

    /// <summary>The content words in order.</summary>
    public string[] Words { get; }

    /// <summary>The content words in ordinal order joined by spaces: comparing two such strings is FuzzySharp's token-sort ratio.</summary>
    public string Sorted { get; }

    /// <summary>The character histogram of <see cref="Sorted"/> (<see cref="CharacterHistogram.Compact"/>).</summary>
    public byte[] Histogram { get; }
}
