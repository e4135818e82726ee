using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// The one pipeline from raw text to index terms, shared by indexing and querying: normalise, split into script
/// runs, tokenise each run with its language's <see cref="ITokenizer"/>, correct misspellings (queries only), map
/// words to terms, and fold synonyms into canonical terms. Numbers count only inside synonyms ("notice 32"); a number
/// on its own is dropped.
/// </summary>
/// <remarks>Configure (synonyms, vocabulary) before use; afterwards <see cref="Analyze"/> is thread-safe.</remarks>
public sealed class TextAnalyzer
{
    /// <summary>Stands for a dropped stop word while synonyms are matched; never appears in results.</summary>
    public const string Gap = "";

    private readonly IReadOnlyList<ITokenizer> _tokenizers;
    private readonly SynonymMap _synonyms = new();
    private SpellingCorrector? _speller;
    private HashSet<string> _knownTerms = new(StringComparer.Ordinal);

    /// <summary>Creates an analyzer over <paramref name="tokenizers"/>; the last one takes characters no other handles.</summary>
    /// <exception cref="ArgumentException">No tokenizer given.</exception>
    public TextAnalyzer(IReadOnlyList<ITokenizer> tokenizers)
    {
        if (tokenizers.Count == 0)
        {
            throw new ArgumentException("At least one tokenizer is required.", nameof(tokenizers));
        }

        _tokenizers = tokenizers;
    }

    /// <summary>An analyzer for English and Chinese, the languages the knowledge base is written in.</summary>
    public static TextAnalyzer CreateDefault() => new([new ChineseTokenizer(), new EnglishTokenizer()]);

    /// <summary>Registers synonym groups; terms are analysed with this same pipeline (without correction).</summary>
    public void AddSynonyms(IEnumerable<SynonymGroup> groups)
    {
        foreach (var group in groups)
        {
            foreach (var (language, terms) in group.Terms)
            {
                foreach (var term in terms)
                {
                    var tokenizer = _tokenizers.FirstOrDefault(t => t.Language == language);
                    tokenizer?.AddWord(TextNormalizer.Normalize(term));
                    var analyzed = Analyze(term, correctSpelling: false, applySynonyms: false);
                    _synonyms.Add(analyzed.Terms, group.Id);
                }
            }
        }
    }

    /// <summary>
    /// Sets the vocabulary that query words are corrected towards: surface words with their frequency, and the
    /// set of index terms (a word whose term is already known is never "corrected").
    /// </summary>
    public void SetVocabulary(IReadOnlyDictionary<string, int> words, IEnumerable<string> terms)
    {
        _speller = new SpellingCorrector(words);
        _knownTerms = new HashSet<string>(terms, StringComparer.Ordinal);
    }

    /// <summary>Analyses <paramref name="text"/>; null or empty text gives an empty result.</summary>
    /// <param name="text">Raw text as typed or as written in content.</param>
    /// <param name="correctSpelling">True for user utterances; false for content.</param>
    /// <param name="applySynonyms">False only while synonyms themselves are being analysed.</param>
    public AnalyzedText Analyze(string? text, bool correctSpelling = true, bool applySynonyms = true)
    {
        var normalized = TextNormalizer.Normalize(text);
        var tokens = new List<string>();
        var words = new List<string>();
        var terms = new List<string>(); // with gaps (one per run of dropped stop words) until synonyms are folded
        foreach (var (tokenizer, run) in Runs(normalized))
        {
            var start = tokens.Count;
            tokenizer.Tokenize(run, tokens);
            for (var i = start; i < tokens.Count; i++)
            {
                var word = tokens[i];
                if (word.Length == 0)
                {
                    if (terms.Count > 0 && terms[^1].Length > 0)
                    {
                        terms.Add(Gap);
                    }

                    continue;
                }

                var term = tokenizer.ToTerm(word);
                if (correctSpelling && tokenizer.SupportsSpellingCorrection && _speller is not null && !IsNumber(term)
                    && !_knownTerms.Contains(term) && _speller.Correct(word) is { } corrected)
                {
                    word = corrected;
                    term = tokenizer.ToTerm(corrected);
                }

                words.Add(word);
                terms.Add(term);
            }
        }

        if (terms.Count > 0 && terms[^1].Length == 0)
        {
            terms.RemoveAt(terms.Count - 1);
        }

        if (applySynonyms)
        {
            // A number is a term only inside a synonym ("notice 32"): on its own ("1", "2024", the "1" of "A14-1") it
            // says nothing about the topic, and a bare "3" must not match whichever answer happens to contain a 3.
            _synonyms.Apply(terms);
            terms.RemoveAll(t => t.Length == 0 || IsNumber(t));
        }

        return new AnalyzedText(normalized, words, terms, LanguageDetector.Detect(normalized));
    }

    /// <summary>True for a term made of digits only (<c>1</c>, <c>2024</c>); <c>a14</c> or <c>5g</c> are words.</summary>
    public static bool IsNumber(string term) => term.Length > 0 && term.All(char.IsAsciiDigit);

    private IEnumerable<(ITokenizer Tokenizer, string Run)> Runs(string normalized)
    {
        var start = 0;
        ITokenizer? current = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            var ch = normalized[i];
            if (ch == ' ')
            {
                continue;
            }

            var tokenizer = TokenizerFor(ch);
            if (current is null)
            {
                (current, start) = (tokenizer, i);
            }
            else if (!ReferenceEquals(tokenizer, current))
            {
                yield return (current, normalized[start..i]);
                (current, start) = (tokenizer, i);
            }
        }

        if (current is not null)
        {
            yield return (current, normalized[start..]);
        }
    }

    private ITokenizer TokenizerFor(char ch)
    {
        foreach (var tokenizer in _tokenizers)
        {
            if (tokenizer.Handles(ch))
            {
                return tokenizer;
            }
        }

        return _tokenizers[^1];
    }
}
