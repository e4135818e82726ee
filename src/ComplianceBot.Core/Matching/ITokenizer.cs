using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Splits a run of normalised text in one script into words and maps words to index terms. One implementation
/// per language; <see cref="TextAnalyzer"/> hands each tokenizer the runs of its script, so neither the index nor
/// the scorer assumes a language.
/// </summary>
public interface ITokenizer
{
    /// <summary>The language this tokenizer reads.</summary>
    Language Language { get; }

    /// <summary>True when <paramref name="ch"/> belongs to this tokenizer's script (decides how text is split into runs).</summary>
    bool Handles(char ch);

    /// <summary>
    /// Appends the words of <paramref name="run"/> (already normalised) to <paramref name="words"/>, each stop word as
    /// <see cref="TextAnalyzer.Gap"/> (an empty string), so multi-word synonyms never match across a dropped word.
    /// </summary>
    void Tokenize(string run, List<string> words);

    /// <summary>The index term for a content word (e.g. its stem); must be deterministic and thread-safe.</summary>
    string ToTerm(string word);

    /// <summary>True when misspellings of this language's words may be corrected by edit distance.</summary>
    bool SupportsSpellingCorrection { get; }

    /// <summary>
    /// Teaches this tokenizer (only this instance: one per content version) a multi-character word, e.g. a synonym such as
    /// 跨境专线, so it is kept whole. Call before the tokenizer is used.
    /// </summary>
    void AddWord(string word);
}
