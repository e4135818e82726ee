using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Tests.Matching;

public class SpellingCorrectorTests
{
    private static readonly SpellingCorrector Corrector = new(new Dictionary<string, int>
    {
        ["penalties"] = 5, ["subleasing"] = 3, ["vpn"] = 40, ["licence"] = 4, ["license"] = 2, ["channel"] = 9,
    });

    [Theory]
    [InlineData("penalites", "penalties")] // transposition
    [InlineData("vpm", "vpn")] // substitution
    [InlineData("chanel", "channel")] // deletion
    [InlineData("channnel", "channel")] // insertion
    public void Corrects_words_one_edit_away(string typed, string expected)
    {
        Assert.Equal(expected, Corrector.Correct(typed));
    }

    [Fact]
    public void Known_words_and_short_words_are_left_alone()
    {
        Assert.Null(Corrector.Correct("channel"));
        Assert.Null(Corrector.Correct("vp"));
    }

    [Fact]
    public void Ties_go_to_the_more_frequent_word()
    {
        Assert.Equal("licence", Corrector.Correct("licenie")); // licence (4) and license (2) are both one substitution away
    }

    [Fact]
    public void Words_two_edits_away_are_not_corrected()
    {
        Assert.Null(Corrector.Correct("password")); // not "penalties" or anything else
        Assert.Null(Corrector.Correct("chnnal"));
        Assert.Null(Corrector.Correct("subleting")); // an insertion and a substitution away from "subleasing"
    }
}
