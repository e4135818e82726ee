using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Matching;

/// <summary>The result of analysing one utterance or phrasing.</summary>
/// <param name="Normalized">The normalised text (see <see cref="TextNormalizer"/>).</param>
/// <param name="Words">Content words in order (stop words removed, misspellings corrected), as typed.</param>
/// <param name="Terms">Index terms in order: stems and canonical synonym terms.</param>
/// <param name="Language">The detected language of the text.</param>
public sealed record AnalyzedText(string Normalized, IReadOnlyList<string> Words, IReadOnlyList<string> Terms, Language Language)
{
    /// <summary>True when nothing matchable is left (empty, punctuation, emoji or stop words only).</summary>
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The content words joined by single spaces: what fuzzy comparison looks at.</summary>
    public string ContentText { get; } = string.Join(' ', Words);
}
