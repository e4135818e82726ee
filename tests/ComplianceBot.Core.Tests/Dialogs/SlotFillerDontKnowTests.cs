using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>A short "don't know" answers the question asked as a bare hedge does: its unsure value, or the options named again.</summary>
public class SlotFillerDontKnowTests
{
    private static DialogIndex Dialog(string id) => RealContent.Served.FindDialogIndex(id)!;

    [Theory]
    [InlineData("dunno", Language.English)]
    [InlineData("i dont know", Language.English)]
    [InlineData("no idea tbh", Language.English)]
    [InlineData("不知道", Language.Chinese)]
    public void At_a_question_without_an_unsure_value_every_option_is_named_again(string answer, Language language)
    {
        var reading = SlotFiller.Read(Dialog("travel-check"), answer, askedSlot: "purpose", language);

        Assert.Empty(reading.Values);
        Assert.Equal(["work", "personal"], reading.Ambiguous["purpose"]);
    }

    [Fact]
    public void A_value_the_question_lists_for_dont_know_stays_that_value()
    {
        // The trip check's in-scope question lists "dont know" under "no" ("if nobody can confirm it, answer no").
        Assert.Equal("no", SlotFiller.Read(Dialog("travel-check"), "dunno", askedSlot: "in-scope").Values["in-scope"]);
    }

    [Fact]
    public void It_says_nothing_about_a_question_not_asked()
    {
        Assert.True(SlotFiller.Read(Dialog("travel-check"), "dunno", askedSlot: null).IsEmpty);
    }
}
