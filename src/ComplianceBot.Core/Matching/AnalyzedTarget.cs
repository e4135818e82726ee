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
                phrasings.Add(new AnalyzedPhrasing(analyzed, pool));
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
/// One phrasing as the matcher indexes it: its terms and words, and what fuzzy comparison reads (content words, the
/// same sorted, and their character histogram), computed once and shared by every matcher that indexes it.
/// </summary>
internal sealed class AnalyzedPhrasing
{
    /// <summary>Reads <paramref name="analyzed"/>, a non-empty phrasing analysed as content, keeping each word and term as <paramref name="pool"/> gives it.</summary>
    public AnalyzedPhrasing(AnalyzedText analyzed, Func<string, string> pool)
    {
        Terms = [.. analyzed.Terms.Select(pool)];
        Words = [.. analyzed.Words.Select(pool)];
        Content = analyzed.ContentText;
        var sorted = TopicMatcher.SortWords(analyzed.Words);
        Sorted = string.Equals(sorted, Content, StringComparison.Ordinal) ? Content : sorted; // one string when the words are in order
        Histogram = CharacterHistogram.Compact(Sorted);
    }

    /// <summary>The index terms in order.</summary>
    public string[] Terms { get; }

    /// <summary>The content words in order.</summary>
    public string[] Words { get; }

    /// <summary>The content words joined by spaces (<see cref="AnalyzedText.ContentText"/>).</summary>
    public string Content { get; }

    /// <summary>The content words in ordinal order joined by spaces: comparing two such strings is FuzzySharp's token-sort ratio.</summary>
    public string Sorted { get; }

    /// <summary>The character histogram of <see cref="Sorted"/> (<see cref="CharacterHistogram.Compact"/>).</summary>
    public byte[] Histogram { get; }
}
