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
/// <param name="Description">The target's description texts, analysed.</param>
internal sealed record AnalyzedTarget(string Id, IReadOnlyList<AnalyzedPhrasing> Phrasings, IReadOnlyList<AnalyzedText> Description)
{
    /// <summary>Analyses <paramref name="targets"/> with <paramref name="analyzer"/>, several at a time; the result is in the same order.</summary>
    public static AnalyzedTarget[] AnalyzeAll(IReadOnlyList<MatchTarget> targets, TextAnalyzer analyzer)
    {
        var analyzed = new AnalyzedTarget[targets.Count];
        Parallel.For(0, targets.Count, t => analyzed[t] = Analyze(targets[t], analyzer));
        return analyzed;
    }

    /// <summary>Analyses one target with <paramref name="analyzer"/>.</summary>
    public static AnalyzedTarget Analyze(MatchTarget target, TextAnalyzer analyzer)
    {
        var phrasings = new List<AnalyzedPhrasing>();
        foreach (var phrasing in target.Phrasings.Distinct(StringComparer.Ordinal))
        {
            var analyzed = analyzer.Analyze(phrasing, correctSpelling: false);
            if (!analyzed.IsEmpty)
            {
                phrasings.Add(new AnalyzedPhrasing(analyzed));
            }
        }

        var description = (target.Description ?? []).Select(text => analyzer.Analyze(text, correctSpelling: false)).ToArray();
        return new AnalyzedTarget(target.Id, phrasings, description);
    }
}

/// <summary>
/// One phrasing as the matcher indexes it: its terms and words, and what fuzzy comparison reads (content words, the
/// same sorted, and their character histogram), computed once and shared by every matcher that indexes it.
/// </summary>
internal sealed class AnalyzedPhrasing
{
    /// <summary>Reads <paramref name="analyzed"/>, a non-empty phrasing analysed as content.</summary>
    public AnalyzedPhrasing(AnalyzedText analyzed)
    {
        Terms = analyzed.Terms;
        Words = analyzed.Words;
        Content = analyzed.ContentText;
        var sorted = TopicMatcher.SortWords(analyzed.Words);
        Sorted = string.Equals(sorted, Content, StringComparison.Ordinal) ? Content : sorted; // one string when the words are in order
        Histogram = CharacterHistogram.Compact(Sorted);
    }

    /// <summary>The index terms in order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The content words in order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The content words joined by spaces (<see cref="AnalyzedText.ContentText"/>).</summary>
    public string Content { get; }

    /// <summary>The content words in ordinal order joined by spaces: comparing two such strings is FuzzySharp's token-sort ratio.</summary>
    public string Sorted { get; }

    /// <summary>The character histogram of <see cref="Sorted"/> (<see cref="CharacterHistogram.Compact"/>).</summary>
    public byte[] Histogram { get; }
}
