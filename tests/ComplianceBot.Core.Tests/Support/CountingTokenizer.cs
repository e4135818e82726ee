using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Support;

/// <summary>A tokenizer that counts the script runs it tokenises and otherwise does what <paramref name="inner"/> does.</summary>
internal sealed class CountingTokenizer(ITokenizer inner) : ITokenizer
{
    private int _runs;

    /// <summary>The runs tokenised so far.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>An English and Chinese analyzer (as <see cref="TextAnalyzer.CreateDefault"/>) whose tokenizers count, and the counters.</summary>
    public static (TextAnalyzer Analyzer, Func<int> Runs) Analyzer()
    {
        var tokenizers = new[] { new CountingTokenizer(new ChineseTokenizer()), new CountingTokenizer(new EnglishTokenizer()) };
        return (new TextAnalyzer(tokenizers), () => tokenizers.Sum(t => t.Runs));
    }

    public Language Language => inner.Language;

    public bool SupportsSpellingCorrection => inner.SupportsSpellingCorrection;

    public bool Handles(char ch) => inner.Handles(ch);

    public void Tokenize(string run, List<string> words)
    {
        Interlocked.Increment(ref _runs);
        inner.Tokenize(run, words);
    }

    public string ToTerm(string word) => inner.ToTerm(word);

    public void AddWord(string word) => inner.AddWord(word);
}
