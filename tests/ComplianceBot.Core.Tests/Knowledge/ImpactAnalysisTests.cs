using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Knowledge;

/// <summary>An article asked for by the number it had in an earlier text, as the regulation's notes record it.</summary>
public class ImpactAnalysisTests
{
    private static ContentSnapshot Content { get; } = ContentLoader.Load(Repo.Knowledge, dialogsDirectory: Repo.Dialogs).Content!;

    [Theory]
    [InlineData("21", "23", "2016")]
    [InlineData("37", "39", "2016")]
    public void A_former_article_number_is_read_as_todays_article(string asked, string now, string year)
    {
        var report = ImpactAnalysis.For(Content, "cybersecurity-law", asked)!;
        var direct = ImpactAnalysis.For(Content, "cybersecurity-law", now)!;

        Assert.Equal(now, report.Article);
        Assert.Equal((asked, year), report.FormerNumber);
        Assert.Equal(direct.Topics.Select(t => t.Topic.Id), report.Topics.Select(t => t.Topic.Id));
        Assert.Equal(direct.Verdicts.Select(v => v.Rule.Id), report.Verdicts.Select(v => v.Rule.Id));
        Assert.Null(direct.FormerNumber);
    }

    [Fact]
    public void A_number_that_is_neither_current_nor_former_is_still_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ImpactAnalysis.For(Content, "cybersecurity-law", "22"));

        Assert.StartsWith("regulation 'cybersecurity-law' lists no article '22'", error.Message);
    }

    [Fact]
    public void Renumbered_reads_the_number_and_year_from_the_note_ignoring_a_paragraph()
    {
        var regulation = new Regulation("x", 1, new LocalizedText("X"), new LocalizedText("X"), new LocalizedText("Y"), string.Empty,
            null, [], null, VerificationStatus.Verified, null, [],
            [new RegulationArticle("23", "Logs.", true, "Art. 21(3) in the 2016 text. The source gives no number.")]);

        Assert.Equal(("23", "2016"), ImpactAnalysis.Renumbered(regulation, "21") is var (article, year) ? (article.Number, year) : default);
        Assert.Null(ImpactAnalysis.Renumbered(regulation, "3"));
    }
}
