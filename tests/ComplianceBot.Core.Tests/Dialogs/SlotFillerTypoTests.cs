using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>A short answer that names nothing for the question asked is read again with its misspelt words corrected towards that question's phrases.</summary>
public class SlotFillerTypoTests
{
    private static DialogIndex Dialog(string id) => RealContent.Served.FindDialogIndex(id)!;

    [Theory]
    [InlineData("travel-check", "purpose", "wrok", "work")]
    [InlineData("personal-vpn-check", "purpose", "for wrok", "work")]
    [InlineData("personal-vpn-check", "location", "shangahi", "mainland-china")]
    [InlineData("travel-check", "destination", "to shangahi", "mainland-china")]
    [InlineData("travel-check", "method", "expresvpn", "unlicensed-vpn")]
    public void A_misspelt_answer_is_read_as_the_word_it_is_one_edit_from(string dialog, string slot, string answer, string value)
    {
        Assert.Equal(value, SlotFiller.Read(Dialog(dialog), answer, askedSlot: slot).Values[slot]);
    }

    [Fact]
    public void Words_are_corrected_only_towards_the_question_asked()
    {
        Assert.True(SlotFiller.Read(Dialog("travel-check"), "wrok", askedSlot: null).IsEmpty);
        Assert.True(SlotFiller.Read(Dialog("travel-check"), "wrok", askedSlot: "method").IsEmpty);
    }

    [Fact]
    public void A_longer_message_is_not_corrected()
    {
        Assert.True(SlotFiller.Read(Dialog("travel-check"), "what does the law say about wrok", askedSlot: "purpose").IsEmpty);
    }

    [Fact]
    public void A_word_the_question_knows_is_read_as_it_is()
    {
        // "personal" is a phrase of the purpose question: never "corrected" into something else
        Assert.Equal("personal", SlotFiller.Read(Dialog("travel-check"), "personal", askedSlot: "purpose").Values["purpose"]);
    }
}
