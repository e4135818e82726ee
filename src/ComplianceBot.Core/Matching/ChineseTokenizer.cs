using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Chinese (Han script) text: word segmentation as jieba's accurate mode with HMM for unknown words
/// (<see cref="ChineseSegmenter"/>), stop words dropped; terms are the words themselves. Domain words (synonyms such
/// as 跨境专线, 翻墙) are added to this tokenizer's own words so they stay whole: each tokenizer (one per matcher, so
/// one per content version) has its own, and jieba's process-wide dictionary is never changed.
/// </summary>
/// <remarks>
/// Add words before use; afterwards <see cref="Tokenize"/> is thread-safe. jieba's data files must sit in
/// <c>&lt;app base&gt;/Resources</c> (the core project copies them there).
/// </remarks>
public sealed class ChineseTokenizer : ITokenizer
{
    private readonly ChineseSegmenter _segmenter = new();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "哦", "是", "在", "我", "我们", "你", "你们", "您",
        "他", "她", "它", "他们", "这", "那", "这个", "那个", "这些", "那些", "和", "与", "及", "或", "或者", "也",
        "都", "就", "还", "又", "很", "被", "把", "给", "对", "从", "到", "请问", "请", "一下", "什么", "怎么",
        "怎样", "如何", "哪些", "哪个", "有", "有没有", "会", "能", "能不能", "可以", "可不可以", "吗", "要",
        "想", "问", "知道", "具体情况", "个", "一个", "些", "之", "其", "而", "并", "等", "谢谢", "你好", "您好", "嗨", "好", "好的",
    };

    /// <inheritdoc />
    public Language Language => Language.Chinese;

    /// <inheritdoc />
    public bool SupportsSpellingCorrection => false;

    /// <inheritdoc />
    public bool Handles(char ch) => Scripts.IsHan(ch);

    /// <inheritdoc />
    public void Tokenize(string run, List<string> words)
    {
        foreach (var segment in _segmenter.Cut(run))
        {
            var word = segment.Trim();
            if (word.Length > 0)
            {
                words.Add(StopWords.Contains(word) ? TextAnalyzer.Gap : word);
            }
        }
    }

    /// <inheritdoc />
    public string ToTerm(string word) => word;

    /// <inheritdoc />
    public void AddWord(string word)
    {
        if (word.Length > 1 && word.All(Scripts.IsHan))
        {
            _segmenter.AddWord(word);
        }
    }

    /// <summary>The words added to this tokenizer (<see cref="AddWord"/>), in the order they were added.</summary>
    public IReadOnlyList<string> AddedWords => _segmenter.AddedWords;
}
