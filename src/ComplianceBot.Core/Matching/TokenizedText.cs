using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// A text taken through the part of <see cref="TextAnalyzer"/>'s pipeline that does not depend on a matcher's
/// vocabulary: normalised, split into script runs, tokenised and stemmed (<see cref="TextAnalyzer.Tokenize"/>).
/// Spelling correction and synonyms come after (<see cref="TextAnalyzer.Analyze(TokenizedText, bool, bool)"/>), so one
/// tokenised question serves every matcher built on the same tokenizers, each correcting it towards its own words.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TokenizedText
{
    internal TokenizedText(string normalized, Token[] tokens, Language language, IReadOnlyList<ITokenizer> tokenizers)
    {
        Normalized = normalized;
        Tokens = tokens;
        Language = language;
        Tokenizers = tokenizers;
    }

    /// <summary>The normalised text (see <see cref="TextNormalizer"/>).</summary>
    public string Normalized { get; }

    /// <summary>The detected language of the text.</summary>
    public Language Language { get; }

    /// <summary>The tokens in order; a stop word is a token with an empty word.</summary>
    internal Token[] Tokens { get; }

    /// <summary>The tokenizers that produced <see cref="Tokens"/> (an analyzer only reads tokens of its own tokenizers).</summary>
    internal IReadOnlyList<ITokenizer> Tokenizers { get; }

    /// <summary>One token: the tokenizer of its script run, the word as tokenised (empty for a stop word) and its term.</summary>
    internal readonly record struct Token(ITokenizer Tokenizer, string Word, string Term);
}
