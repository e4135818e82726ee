using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// The one pipeline from raw text to index terms, shared by indexing and querying: normalise, split into script
/// runs, tokenise each run with its language's <see cref="ITokenizer"/>, correct misspellings (queries only), map
/// words to terms, and fold synonyms into canonical terms. Numbers count only inside synonyms ("notice 32"); a number
/// on its own is dropped.
/// </summary>
/// <remarks>
/// Configure (synonyms, vocabulary) before use; afterwards <see cref="Analyze(string?, bool, bool)"/> is thread-safe.
/// Matchers built on one analyzer share its tokenizers and synonyms, each with its own vocabulary
/// (<see cref="WithVocabulary"/>), so a question tokenised once (<see cref="Tokenize"/>) serves them all.
/// </remarks>
public sealed class TextAnalyzer
{
    /// <summary>Stands for a dropped stop word while synonyms are matched; never appears in results.</summary>
    public const string Gap = "";

    // Each thread's working lists for Tokenize (which does not call itself), so reading content allocates only results.
    [ThreadStatic]
    private static List<string>? t_words;

    [ThreadStatic]
    private static List<TokenizedText.Token>? t_tokens;

    private readonly IReadOnlyList<ITokenizer> _tokenizers;
    private readonly SynonymMap _synonyms;
    private SpellingCorrector? _speller;
    private HashSet<string> _knownTerms;

    /// <summary>Creates an analyzer over <paramref name="tokenizers"/>; the last one takes characters no other handles.</summary>
    /// <exception cref="ArgumentException">No tokenizer given.</exception>
    public TextAnalyzer(IReadOnlyList<ITokenizer> tokenizers)
        : this(tokenizers, new SynonymMap(), speller: null, new HashSet<string>(StringComparer.Ordinal))
    {
        if (tokenizers.Count == 0)
        {
            throw new ArgumentException("At least one tokenizer is required.", nameof(tokenizers));
        }
    }

    private TextAnalyzer(IReadOnlyList<ITokenizer> tokenizers, SynonymMap synonyms, SpellingCorrector? speller, HashSet<string> knownTerms)
    {
        _tokenizers = tokenizers;
        _synonyms = synonyms;
        _speller = speller;
        _knownTerms = knownTerms;
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

    /// <summary>
    /// A new analyzer that shares this one's tokenizers and synonyms (so it tokenises exactly as this one, and reads
    /// its <see cref="TokenizedText"/>) and corrects query words towards <paramref name="words"/> and
    /// <paramref name="terms"/> (as <see cref="SetVocabulary"/>). This analyzer is not changed: several matchers built
    /// on one analyzer each get their own vocabulary. Add synonyms before calling this.
    /// </summary>
    public TextAnalyzer WithVocabulary(IReadOnlyDictionary<string, int> words, IEnumerable<string> terms) =>
        new(_tokenizers, _synonyms, new SpellingCorrector(words), new HashSet<string>(terms, StringComparer.Ordinal));

    /// <summary>True when <paramref name="text"/> was tokenised by this analyzer's tokenizers (and so it can analyse it).</summary>
    public bool CanRead(TokenizedText text) => ReferenceEquals(text.Tokenizers, _tokenizers);

    /// <summary>Analyses <paramref name="text"/>; null or empty text gives an empty result.</summary>
    /// <param name="text">Raw text as typed or as written in content.</param>
    /// <param name="correctSpelling">True for user utterances; false for content.</param>
    /// <param name="applySynonyms">False only while synonyms themselves are being analysed.</param>
    public AnalyzedText Analyze(string? text, bool correctSpelling = true, bool applySynonyms = true) =>
        Analyze(Tokenize(text), correctSpelling, applySynonyms);

    /// <summary>
    /// The first part of <see cref="Analyze(string?, bool, bool)"/>, which does not depend on the vocabulary:
    /// normalises <paramref name="text"/>, splits it into script runs and tokenises and stems each. Analysing the result
    /// with any analyzer that shares these tokenizers (<see cref="WithVocabulary"/>) gives what analysing the text
    /// itself would.
    /// </summary>
    public TokenizedText Tokenize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = t_words ??= [];
        var tokens = t_tokens ??= [];
        tokens.Clear();
        foreach (var (tokenizer, run) in Runs(normalized))
        {
            words.Clear();
            tokenizer.Tokenize(run, words);
            foreach (var word in words)
            {
                tokens.Add(new TokenizedText.Token(tokenizer, word, word.Length == 0 ? Gap : tokenizer.ToTerm(word)));
            }
        }

        var result = new TokenizedText(normalized, [.. tokens], LanguageDetector.Detect(normalized), _tokenizers);
        if (tokens.Capacity > 1024)
        {
            (t_words, t_tokens) = (null, null); // a long message: its lists are not kept for the thread
        }

        return result;
    }

    /// <summary>
    /// The rest of <see cref="Analyze(string?, bool, bool)"/> for a text already tokenised: corrects misspellings
    /// towards this analyzer's vocabulary (when <paramref name="correctSpelling"/>), maps words to terms and folds
    /// synonyms (when <paramref name="applySynonyms"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> was tokenised by other tokenizers (see <see cref="CanRead"/>).</exception>
    public AnalyzedText Analyze(TokenizedText text, bool correctSpelling = true, bool applySynonyms = true)
    {
        if (!CanRead(text))
        {
            throw new ArgumentException("The text was tokenised by another analyzer's tokenizers.", nameof(text));
        }

        var words = new List<string>();
        var terms = new List<string>(); // with gaps (one per run of dropped stop words) until synonyms are folded
        foreach (var (tokenizer, typed, stemmed) in text.Tokens)
        {
            var word = typed;
            if (word.Length == 0)
            {
                if (terms.Count > 0 && terms[^1].Length > 0)
                {
                    terms.Add(Gap);
                }

                continue;
            }

            var term = stemmed;
            if (correctSpelling && tokenizer.SupportsSpellingCorrection && _speller is not null && !IsNumber(term)
                && !_knownTerms.Contains(term) && _speller.Correct(word) is { } corrected)
            {
                word = corrected;
                term = tokenizer.ToTerm(corrected);
            }

            words.Add(word);
            terms.Add(term);
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

        return new AnalyzedText(text.Normalized, words, terms, text.Language);
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
        // By index: a foreach over the list interface would allocate an enumerator for every character.
        for (var i = 0; i < _tokenizers.Count; i++)
        {
            if (_tokenizers[i].Handles(ch))
            {
                return _tokenizers[i];
            }
        }

        return _tokenizers[^1];
    }
}
