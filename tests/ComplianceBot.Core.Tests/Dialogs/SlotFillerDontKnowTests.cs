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
        Assert.True(reading.NotSure);
    }

    [Fact]
    public void It_takes_the_unsure_value_only_where_that_value_is_the_questions_not_sure()
    {
        // The personal check's unsure is "a company VPN app, or I'm not sure"; the trip check's is a company VPN app only.
        Assert.Equal("unsure", SlotFiller.Read(Dialog("personal-vpn-check"), "dunno", askedSlot: "provider").Values["provider"]);
        var trip = SlotFiller.Read(Dialog("travel-check"), "dunno", askedSlot: "method");
        Assert.Empty(trip.Values);
        Assert.Equal(5, trip.Ambiguous["method"].Count);
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
