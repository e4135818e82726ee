using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Places;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Places;

/// <summary>A place typed in lower case is named back as a name ("Hongkong", "the US"), never as typed in chat-speak.</summary>
public sealed class PlaceDisplayTests
{
    [Theory]
    [InlineData("hongkong", "Hongkong")]
    [InlineData("hong kong sar", "Hong Kong SAR")]
    [InlineData("new york", "New York")]
    [InlineData("the us", "the US")]
    [InlineData("uk", "UK")]
    [InlineData("u.s.", "U.S.")]
    [InlineData("Berlin", "Berlin")] // typed with a capital: as typed
    [InlineData("HK", "HK")]
    [InlineData("香港", "香港")]
    public void A_place_typed_in_lower_case_is_shown_capitalised_as_a_name(string typed, string shown) =>
        Assert.Equal(shown, PlaceDisplay.Of(typed));

    [Theory]
    [InlineData("going to hongkong, vpn ok?", "Hongkong is outside mainland China.")]
    [InlineData("is a vpn legal in the us", "The US is outside mainland China.")]
    [InlineData("can i use a vpn in london", "London is outside mainland China.")]
    public void The_reply_to_a_lower_case_question_names_the_place_with_capitals(string question, string lead)
    {
        var assistant = new ComplianceAssistant(new FixedContentProvider(RealContent.Served));

        var reply = assistant.Respond(new TurnInput(question), new ConversationState()).Replies.First();

        Assert.StartsWith(lead, reply.Text, StringComparison.Ordinal);
    }
}
