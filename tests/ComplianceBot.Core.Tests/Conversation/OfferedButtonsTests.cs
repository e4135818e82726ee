using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>A message that is only a number picks a button of the last reply that offered buttons; otherwise it is not a question.</summary>
public class OfferedButtonsTests
{
    private readonly ComplianceAssistant _assistant = RealContent.Assistant();

    // Vague enough that the bot asks which topic was meant (checked by each test, so a content change shows up clearly).
    private const string VagueQuestion = "vpn law";

    private (Chat Chat, BotReply Clarify) Clarified()
    {
        var chat = new Chat(_assistant);
        var clarify = Assert.Single(chat.Send(new TurnInput(VagueQuestion)));
        Assert.Equal(ReplyKind.Clarify, clarify.Kind);
        Assert.Equal(3, clarify.Actions.Count);
        return (chat, clarify);
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
        var (chat, clarify) = Clarified();

        var reply = Assert.Single(chat.Send(new TurnInput(typed)));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(clarify.Actions[index].Value["topic"], ((AnswerValue)reply.Value!).Id);
        Assert.Equal(1.0, ((AnswerValue)reply.Value!).Confidence); // as sure as a click
    }

    [Fact]
    public void A_number_picks_from_the_fallback_menu_and_then_from_the_answers_related_topics()
    {
        var chat = new Chat(_assistant);
        var fallback = Assert.Single(chat.Send(new TurnInput("What's the weather tomorrow?")));
        Assert.Equal(ReplyKind.Fallback, fallback.Kind);

        var answer = Assert.Single(chat.Send(new TurnInput("2")));
        Assert.Equal(fallback.Actions[1].Value["topic"], ((AnswerValue)answer.Value!).Id);

        var related = Assert.Single(chat.Send(new TurnInput("1")));
        Assert.Equal(answer.Actions[0].Value["topic"], ((AnswerValue)related.Value!).Id);
    }

    [Fact]
    public void A_number_beyond_the_list_offers_the_same_buttons_again()
    {
        var (chat, clarify) = Clarified();

        var reply = Assert.Single(chat.Send(new TurnInput("7")));

        Assert.Null(reply.Value);
        Assert.Contains("no option 7", reply.Text);
        Assert.Equal(clarify.Actions.Select(a => a.Title), reply.Actions.Select(a => a.Title));
        Assert.Equal(clarify.Actions[0].Value["topic"], ((AnswerValue)chat.Send(new TurnInput("1")).Single().Value!).Id);
    }

    [Theory]
    [InlineData("0", "There is no option 0 here, only 3")]
    [InlineData("第十个", "There is no option 10 here, only 3")] // in the language of the buttons, not the number's
    public void Zero_and_a_number_in_another_language_get_no_option_in_the_conversation_language(string typed, string expected)
    {
        var (chat, clarify) = Clarified();

        var reply = Assert.Single(chat.Send(new TurnInput(typed)));

        Assert.StartsWith(expected, reply.Text);
        Assert.Equal(clarify.Actions.Select(a => a.Title), reply.Actions.Select(a => a.Title));
        Assert.Equal("en", chat.State.Language);
    }

    [Fact]
    public void A_decimal_number_is_not_read_as_an_option_number()
    {
        var (chat, _) = Clarified();

        var reply = chat.Send(new TurnInput("2.5")).Single();

        Assert.DoesNotContain("no option 25", reply.Text);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("2024")]
    [InlineData("the second one")]
    public void A_number_with_no_list_to_pick_from_is_not_a_question(string typed)
    {
        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), new ConversationState()).Replies);

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Null(reply.Value);
        Assert.Contains("just a number", reply.Text);
        Assert.NotEmpty(reply.Actions); // the main topics, which a number can pick next
    }

    [Fact]
    public void A_reply_without_buttons_forgets_the_earlier_ones()
    {
        var (chat, _) = Clarified();
        chat.Send(new TurnInput("thanks"));

        var reply = Assert.Single(chat.Send(new TurnInput("2")));

        Assert.Contains("just a number", reply.Text);
    }

    [Fact]
    public void A_number_keeps_the_conversation_language()
    {
        var chat = new Chat(_assistant);
        Assert.Equal(ReplyKind.Clarify, chat.Send(new TurnInput("跨境")).Single().Kind);

        var reply = Assert.Single(chat.Send(new TurnInput("1")));

        Assert.Equal(Text.Language.Chinese, reply.Language);
        Assert.Equal("zh", chat.State.Language);
    }

    [Fact]
    public void The_offered_buttons_survive_storage_and_state_stored_before_them_still_reads()
    {
        var (chat, clarify) = Clarified();
        var stored = ConversationStateJson.Read(ConversationStateJson.Write(chat.State));

        var picked = Assert.Single(_assistant.Respond(new TurnInput("2"), stored).Replies);
        Assert.Equal(clarify.Actions[1].Value["topic"], ((AnswerValue)picked.Value!).Id);

        var older = ConversationStateJson.Read("""{"schemaVersion":2,"language":"en","disclaimerShown":true}""");
        Assert.True(older.DisclaimerShown);
        Assert.Contains("just a number", Assert.Single(_assistant.Respond(new TurnInput("2"), older).Replies).Text);

        const string damaged = """{"schemaVersion":2,"offeredButtons":[{"title":"x","value":null},{"title":"y","value":{"topic":"removed-topic"}}]}""";
        var noValue = Assert.Single(_assistant.Respond(new TurnInput("1"), ConversationStateJson.Read(damaged)).Replies);
        Assert.Contains("just a number", noValue.Text);
        var gone = Assert.Single(_assistant.Respond(new TurnInput("2"), ConversationStateJson.Read(damaged)).Replies);
        Assert.Contains("no longer available", gone.Text); // checked like a click: no trust in stored buttons
    }

    [Fact]
    public void State_of_another_schema_or_not_readable_starts_a_fresh_conversation()
    {
        const string version1 = """{"SchemaVersion":1,"Language":"zh","DisclaimerShown":true,"OfferedButtons":[{"Title":"x","Value":{"topic":"travelers"}}]}""";

        foreach (var json in new[] { version1, "not json", "[]", """{"schemaVersion":2,"offeredButtons":7}""" })
        {
            var state = ConversationStateJson.Read(json);
            Assert.Equal(new ConversationState().Language, state.Language);
            Assert.Empty(state.OfferedButtons);
            Assert.False(state.DisclaimerShown);
        }
    }
}
