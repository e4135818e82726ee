using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Matching;

public class TextAnalyzerTests
{
    private static TextAnalyzer CreateAnalyzer()
    {
        var analyzer = TextAnalyzer.CreateDefault();
        analyzer.AddSynonyms([
            new SynonymGroup("circumvent", new Dictionary<Language, IReadOnlyList<string>>
            {
                [Language.English] = ["bypass the firewall", "jump the wall", "GFW"],
                [Language.Chinese] = ["翻墙", "科学上网"],
            }),
            new SynonymGroup("dedicated-line", new Dictionary<Language, IReadOnlyList<string>>
            {
                [Language.English] = ["leased line", "SD-WAN", "mpls"],
                [Language.Chinese] = ["跨境专线"],
            }),
        ]);
        return analyzer;
    }

    [Theory]
    [InlineData("Can I bypass the firewall?")]
    [InlineData("is jumping the wall ok")] // stemmed: jumping -> jump
    [InlineData("GFW")]
    [InlineData("翻墙")]
    [InlineData("科学上网")]
    public void Every_term_of_a_synonym_group_becomes_one_canonical_term(string text)
    {
        var analyzed = CreateAnalyzer().Analyze(text);
        Assert.Contains("~circumvent", analyzed.Terms);
    }

    [Theory]
    [InlineData("the company one i think", "compani")]
    [InlineData("we believe it is approved", "approv")]
    [InlineData("i guess the company vpn", "compani vpn")]
    [InlineData("probably the company one", "compani")]
    [InlineData("think so, the company one", "compani")]
    public void A_hedge_is_no_term(string text, string terms)
    {
        Assert.Equal(terms.Split(' '), CreateAnalyzer().Analyze(text).Terms);
    }

    [Fact]
    public void Think_is_a_term_where_it_does_not_hedge()
    {
        Assert.Contains("think", CreateAnalyzer().Analyze("what does the government think of vpns").Terms);
    }

    [Fact]
    public void A_number_is_a_term_only_inside_a_synonym()
    {
        var analyzer = CreateAnalyzer();
        analyzer.AddSynonyms([new SynonymGroup("miit-notice", new Dictionary<Language, IReadOnlyList<string>> { [Language.English] = ["notice 32"] })]);

        Assert.True(analyzer.Analyze("3").IsEmpty);
        Assert.True(analyzer.Analyze("2024").IsEmpty);
        Assert.Equal(["a14"], analyzer.Analyze("A14-1").Terms);
        Assert.Equal(["~miit-notice"], analyzer.Analyze("notice 32").Terms);
    }

    [Fact]
    public void Multi_word_synonyms_match_whole_phrases_only()
    {
        var analyzer = CreateAnalyzer();
        Assert.Contains("~dedicated-line", analyzer.Analyze("our leased lines").Terms);
        Assert.Contains("~dedicated-line", analyzer.Analyze("sd-wan or sdwan?").Terms);
        Assert.DoesNotContain("~dedicated-line", analyzer.Analyze("the line was leased").Terms);
    }

    [Fact]
    public void English_words_are_stemmed_and_stop_words_dropped()
    {
        var analyzed = CreateAnalyzer().Analyze("What are the penalties for individuals?");
        Assert.Equal(["penalti", "individu"], analyzed.Terms);
        Assert.Equal(Language.English, analyzed.Language);
    }

    [Fact]
    public void Chinese_text_is_segmented_into_words_and_synonyms_kept_whole()
    {
        var analyzed = CreateAnalyzer().Analyze("公司可以申请跨境专线吗？");
        Assert.Equal(Language.Chinese, analyzed.Language);
        Assert.Contains("~dedicated-line", analyzed.Terms);
        Assert.Contains("申请", analyzed.Terms);
        Assert.DoesNotContain("吗", analyzed.Terms); // stop word
    }

    [Fact]
    public void Mixed_script_questions_use_both_tokenizers()
    {
        var analyzed = CreateAnalyzer().Analyze("个人用VPN违法吗");
        Assert.Contains("vpn", analyzed.Terms);
        Assert.Contains("违法", analyzed.Terms);
        Assert.Equal(Language.Chinese, analyzed.Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("???")]
    [InlineData("🙂👍")]
    [InlineData("is it what it is")]
    [InlineData("谢谢")]
    public void Input_without_content_words_is_empty(string text)
    {
        Assert.True(CreateAnalyzer().Analyze(text).IsEmpty);
    }

    [Fact]
    public void Misspelt_query_words_are_corrected_towards_the_vocabulary_only_when_asked()
    {
        var analyzer = CreateAnalyzer();
        analyzer.SetVocabulary(new Dictionary<string, int> { ["penalties"] = 3, ["subleasing"] = 2 }, ["penalti", "subleas"]);
        Assert.Equal(["penalti"], analyzer.Analyze("penalites").Terms);
        Assert.Equal(["penalit"], analyzer.Analyze("penalites", correctSpelling: false).Terms);
    }

    [Fact]
    public void A_text_tokenised_once_is_read_by_each_vocabulary_as_the_text_itself()
    {
        var analyzer = CreateAnalyzer();
        var penalties = analyzer.WithVocabulary(new Dictionary<string, int> { ["penalties"] = 3 }, ["penalti"]);
        var penalise = analyzer.WithVocabulary(new Dictionary<string, int> { ["penalise"] = 3 }, ["penalis"]);
        var tokens = analyzer.Tokenize("penaltes for a vpn");

        Assert.Equal(["penalti", "vpn"], penalties.Analyze(tokens).Terms);
        Assert.NotEqual("penalti", penalise.Analyze(tokens).Terms[0]);
        Assert.Equal(penalties.Analyze("penaltes for a vpn"), penalties.Analyze(tokens), AnalyzedTextComparer);
        Assert.Equal(penalise.Analyze("penaltes for a vpn"), penalise.Analyze(tokens), AnalyzedTextComparer);
        Assert.Equal(analyzer.Analyze("penaltes for a vpn"), analyzer.Analyze(tokens), AnalyzedTextComparer); // no vocabulary of its own
    }

    [Fact]
    public void Tokens_of_other_tokenizers_are_refused()
    {
        var tokens = CreateAnalyzer().Tokenize("vpn");

        Assert.Throws<ArgumentException>(() => CreateAnalyzer().Analyze(tokens));
    }

    private static readonly IEqualityComparer<AnalyzedText> AnalyzedTextComparer = EqualityComparer<AnalyzedText>.Create((a, b) =>
        a!.Normalized == b!.Normalized && a.Words.SequenceEqual(b.Words) && a.Terms.SequenceEqual(b.Terms) && a.Language == b.Language);
}
