using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Tests.Support;
using JiebaNet.Segmenter;

namespace ComplianceBot.Core.Tests.Matching;

/// <summary>
/// jieba's main dictionary lives as long as the bot does (about 500,000 words and prefixes): what it keeps per entry is
/// a good part of the host's resident memory, and reading it must not change how text is cut.
/// </summary>
[Collection(LiveMemory.Name)]
public sealed class ChineseSegmenterMemoryTests
{
    private static readonly string[] Sentences =
    [
        "公司能不能申请跨境专线", "个人用付费VPN违法吗", "公司专线可以转租吗", "在中国出差可以用公司的VPN吗",
        "我在深圳用中国移动的网络看奈飞", "跨境电商企业如何合规访问境外网站", "请问高校实验室在深圳租用专线可以吗",
        "未经批准擅自建立国际通信信道会受到什么处罚", "外籍员工来华工作期间能否使用自己国家的手机卡上网",
    ];

    [Fact]
    public void The_main_dictionary_keeps_under_30_bytes_per_word_and_prefix()
    {
        _ = new ChineseSegmenter().Cut(Sentences[0]); // the shared copy and the code that reads it, loaded before measuring

        var before = LiveMemory.Bytes();
        var dictionary = ChineseSegmenter.MainDictionary.Load();
        var kept = LiveMemory.Bytes() - before;
        GC.KeepAlive(dictionary);

        Assert.Equal(498_113, dictionary.Words.Count);
        Assert.True(kept < 30L * dictionary.Words.Count, $"{kept:N0} bytes kept for {dictionary.Words.Count:N0} words and prefixes"); // ~60 per entry as a Dictionary<string, int> with a string each
    }

    [Fact]
    public void Sentences_are_cut_as_jieba_cuts_them()
    {
        var ours = new ChineseSegmenter();
        var jieba = new JiebaSegmenter();

        foreach (var sentence in Sentences)
        {
            Assert.Equal(jieba.Cut(sentence, cutAll: false, hmm: true), ours.Cut(sentence));
        }
    }
}
