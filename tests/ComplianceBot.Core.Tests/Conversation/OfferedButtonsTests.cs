using System.Text.Json;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>A message that is only a number picks a button of the last reply that offered buttons; otherwise it is not a question.</summary>
public class OfferedButtonsTests
{
    private readonly ComplianceAssistant _assistant = RealContent.Assistant();

    // Vague enough that the bot asks which topic was meant (checked by each test, so a content change shows up clearly).
    private const string VagueQuestion = "vpn law";

    private (ConversationData State, BotReply Clarify) Clarified()
    {
        var state = new ConversationData();
        var clarify = Assert.Single(_assistant.Respond(new TurnInput(VagueQuestion), state));
        Assert.Equal(ReplyKind.Clarify, clarify.Kind);
        Assert.Equal(3, clarify.Actions.Count);
        return (state, clarify);
    }

    [Theory]
    [InlineData("2", 1)]
    [InlineData("[1]", 0)]
    [InlineData("#3", 2)]
    [InlineData("the second one", 1)]
    [InlineData("option 3", 2)]
    [InlineData("第二个", 1)]
    public void A_number_after_a_clarify_answers_that_candidate(string typed, int index)
    {
        var (state, clarify) = Clarified();

        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), state));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(clarify.Actions[index].Value["topic"], ((AnswerValue)reply.Value!).Id);
        Assert.Equal(1.0, ((AnswerValue)reply.Value!).Confidence); // as sure as a click
    }

    [Fact]
    public void A_number_picks_from_the_fallback_menu_and_then_from_the_answers_related_topics()
    {
        var state = new ConversationData();
        var fallback = Assert.Single(_assistant.Respond(new TurnInput("What's the weather tomorrow?"), state));
        Assert.Equal(ReplyKind.Fallback, fallback.Kind);

        var answer = Assert.Single(_assistant.Respond(new TurnInput("2"), state));
        Assert.Equal(fallback.Actions[1].Value["topic"], ((AnswerValue)answer.Value!).Id);

        var related = Assert.Single(_assistant.Respond(new TurnInput("1"), state));
        Assert.Equal(answer.Actions[0].Value["topic"], ((AnswerValue)related.Value!).Id);
    }

    [Fact]
    public void A_number_beyond_the_list_offers_the_same_buttons_again()
    {
        var (state, clarify) = Clarified();

        var reply = Assert.Single(_assistant.Respond(new TurnInput("7"), state));

        Assert.Null(reply.Value);
        Assert.Contains("no option 7", reply.Text);
        Assert.Equal(clarify.Actions.Select(a => a.Title), reply.Actions.Select(a => a.Title));
        Assert.Equal(clarify.Actions[0].Value["topic"], ((AnswerValue)_assistant.Respond(new TurnInput("1"), state).Single().Value!).Id);
    }

    [Theory]
    [InlineData("0", "There is no option 0 here, only 3")]
    [InlineData("第十个", "There is no option 10 here, only 3")] // in the language of the buttons, not the number's
    public void Zero_and_a_number_in_another_language_get_no_option_in_the_conversation_language(string typed, string expected)
    {
        var (state, clarify) = Clarified();

        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), state));

        Assert.StartsWith(expected, reply.Text);
        Assert.Equal(clarify.Actions.Select(a => a.Title), reply.Actions.Select(a => a.Title));
        Assert.Equal("en", state.Language);
    }

    [Fact]
    public void A_decimal_number_is_not_read_as_an_option_number()
    {
        var (state, _) = Clarified();

        var reply = _assistant.Respond(new TurnInput("2.5"), state).Single();

        Assert.DoesNotContain("no option 25", reply.Text);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("2024")]
    [InlineData("the second one")]
    public void A_number_with_no_list_to_pick_from_is_not_a_question(string typed)
    {
        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), new ConversationData()));

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Null(reply.Value);
        Assert.Contains("just a number", reply.Text);
        Assert.NotEmpty(reply.Actions); // the main topics, which a number can pick next
    }

    [Fact]
    public void A_reply_without_buttons_forgets_the_earlier_ones()
    {
        var (state, _) = Clarified();
        _assistant.Respond(new TurnInput("thanks"), state);

        var reply = Assert.Single(_assistant.Respond(new TurnInput("2"), state));

        Assert.Contains("just a number", reply.Text);
    }

    [Fact]
    public void A_number_keeps_the_conversation_language()
    {
        var state = new ConversationData();
        Assert.Equal(ReplyKind.Clarify, _assistant.Respond(new TurnInput("专线"), state).Single().Kind);

        var reply = Assert.Single(_assistant.Respond(new TurnInput("1"), state));

        Assert.Equal(Text.Language.Chinese, reply.Language);
        Assert.Equal("zh", state.Language);
    }

    [Fact]
    public void The_offered_buttons_survive_storage_and_state_stored_before_them_still_reads()
    {
        var (state, clarify) = Clarified();
        var stored = JsonSerializer.Deserialize<ConversationData>(JsonSerializer.Serialize(state))!;

        var picked = Assert.Single(_assistant.Respond(new TurnInput("2"), stored));
        Assert.Equal(clarify.Actions[1].Value["topic"], ((AnswerValue)picked.Value!).Id);

        var older = JsonSerializer.Deserialize<ConversationData>("""{"SchemaVersion":1,"Language":"en","DisclaimerShown":true}""")!;
        Assert.Equal(ConversationData.CurrentSchemaVersion, older.SchemaVersion);
        Assert.Contains("just a number", Assert.Single(_assistant.Respond(new TurnInput("2"), older)).Text);

        const string damaged = """{"SchemaVersion":1,"OfferedButtons":[{"Title":"x","Value":null},{"Title":"y","Value":{"topic":"removed-topic"}}]}""";
        var noValue = Assert.Single(_assistant.Respond(new TurnInput("1"), JsonSerializer.Deserialize<ConversationData>(damaged)!));
        Assert.Contains("just a number", noValue.Text);
        var gone = Assert.Single(_assistant.Respond(new TurnInput("2"), JsonSerializer.Deserialize<ConversationData>(damaged)!));
        Assert.Contains("no longer available", gone.Text); // checked like a click: no trust in stored buttons
    }
}
