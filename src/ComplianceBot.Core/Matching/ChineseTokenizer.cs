using ComplianceBot.Core.Text;
using JiebaNet.Segmenter;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// Chinese (Han script) text: word segmentation with jieba.NET (accurate mode with HMM for unknown words), stop
/// words dropped; terms are the words themselves. Domain words (synonyms such as 跨境专线, 翻墙) are added to the
/// segmenter's dictionary so they stay whole.
/// </summary>
/// <remarks>
/// jieba keeps one process-wide dictionary, so segmentation and dictionary changes are serialised by one lock.
/// Its data files must sit in <c>&lt;app base&gt;/Resources</c> (the core project copies them there).
/// </remarks>
public sealed class ChineseTokenizer : ITokenizer
{
    private static readonly object Gate = new();
    private static JiebaSegmenter? _segmenter;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "哦", "是", "在", "我", "我们", "你", "你们", "您",
        "他", "她", "它", "他们", "这", "那", "这个", "那个", "这些", "那些", "和", "与", "及", "或", "或者", "也",
        "都", "就", "还", "又", "很", "被", "把", "给", "对", "从", "到", "请问", "请", "一下", "什么", "怎么",
        "怎样", "如何", "哪些", "哪个", "有", "有没有", "会", "能", "能不能", "可以", "可不可以", "吗", "要",
        "想", "问", "个", "一个", "些", "之", "其", "而", "并", "等", "谢谢", "你好", "您好", "嗨", "好", "好的",
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
        IEnumerable<string> segments;
        lock (Gate)
        {
            segments = Segmenter.Cut(run, cutAll: false, hmm: true).ToList();
        }

        foreach (var segment in segments)
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
            lock (Gate)
            {
                Segmenter.AddWord(word);
            }
        }
    }

    private static JiebaSegmenter Segmenter => _segmenter ??= new JiebaSegmenter();
}
