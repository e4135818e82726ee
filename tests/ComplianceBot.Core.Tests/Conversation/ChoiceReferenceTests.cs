using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Tests.Conversation;

public class ChoiceReferenceTests
{
    [Theory]
    [InlineData("2", 2)]
    [InlineData("[1]", 1)]
    [InlineData("#2", 2)]
    [InlineData("no. 3", 3)]
    [InlineData("option 3", 3)]
    [InlineData("the second one", 2)]
    [InlineData("2nd", 2)]
    [InlineData("number two", 2)]
    [InlineData("one", 1)]
    [InlineData("I'll take number 2 please", 2)]
    [InlineData("2024", 2024)]
    [InlineData("第二个", 2)]
    [InlineData("选2", 2)]
    [InlineData("3号", 3)]
    [InlineData("第十一个", 11)]
    [InlineData("0", 0)] // no option 0, said like "no option 9", not matched as a question
    [InlineData("选 2", 2)]
    public void A_message_that_only_points_at_a_list_item_gives_its_number(string text, int expected)
    {
        Assert.Equal(expected, ChoiceReference.Read(text));
    }

    [Theory]
    [InlineData("is article 58 still in force")]
    [InlineData("no one")]
    [InlineData("that one")]
    [InlineData("1 or 2")]
    [InlineData("1' OR '1'='1")]
    [InlineData("one of our clients")]
    [InlineData("2.5")] // two numbers, not 25
    [InlineData("1 2")]
    [InlineData("no")]
    [InlineData("")]
    [InlineData("第二个问题是什么")]
    public void Anything_else_is_not_a_choice(string text)
    {
        Assert.Null(ChoiceReference.Read(text));
    }
}
