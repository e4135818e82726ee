using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Tests.Matching;

/// <summary>Our words for the Chinese segmenter belong to one segmenter (one content version), never to the process.</summary>
public class ChineseSegmenterTests
{
    private const string Sentence = "公司能不能申请跨境专线";

    [Fact]
    public void A_word_added_to_one_segmenter_is_kept_whole_there_and_nowhere_else()
    {
        var taught = new ChineseSegmenter();
        taught.AddWord("跨境专线");
        var fresh = new ChineseSegmenter();

        Assert.Contains("跨境专线", taught.Cut(Sentence));
        Assert.DoesNotContain("跨境专线", fresh.Cut(Sentence));
        Assert.Equal(["跨境专线"], taught.AddedWords);
        Assert.Empty(fresh.AddedWords);
    }

    [Fact]
    public void Without_added_words_the_sentence_is_cut_into_dictionary_words()
    {
        var words = new ChineseSegmenter().Cut(Sentence);

        Assert.Equal(Sentence, string.Concat(words));
        Assert.Contains("公司", words);
        Assert.Contains("申请", words);
    }
}
