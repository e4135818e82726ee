using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Conversation;

public class ComplianceAssistantTests
{
    private const string PaidVpnQuestion = "Is it illegal for individuals to use paid international VPN services?";

    private readonly ComplianceAssistant _assistant = RealContent.Assistant();

    [Fact]
    public void An_answer_carries_the_faq_text_sources_related_topics_and_the_contract_value()
    {
        var reply = Assert.Single(_assistant.Respond(new TurnInput(PaidVpnQuestion), new ConversationState()).Replies);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        var topic = RealContent.Served.Snapshot.Knowledge.FindTopic("personal-paid-vpn")!;
        Assert.Equal(topic.Answer.En.Trim(), reply.Text);
        Assert.NotEmpty(reply.Sources);
        Assert.Contains(reply.Sources, s => s.RegulationId == "interim-provisions-international-networking");
        Assert.Equal(topic.Related, reply.Actions.Where(a => a.Value.ContainsKey("topic")).Select(a => a.Value["topic"]));

        var value = reply.Value!.ToJson();
        Assert.Equal("answer", (string?)value["type"]);
        Assert.Equal("personal-paid-vpn", (string?)value["id"]);
        Assert.InRange((double)value["confidence"]!, 0.0, 1.0);
        Assert.Contains("interim-provisions-international-networking", value["citations"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(RealContent.Served.Snapshot.Version.ShortHash, (string?)value["contentVersion"]);
    }

    [Fact]
    public void Only_the_first_answer_of_a_conversation_carries_the_legal_notice()
    {
        var chat = new Chat(_assistant);

        var first = chat.Send(new TurnInput(PaidVpnQuestion)).Single();
        var second = chat.Send(new TurnInput("what are the penalties for individuals")).Single();

        Assert.Contains("not legal advice", first.Footer);
        Assert.DoesNotContain("not legal advice", second.Footer);
        Assert.Contains("As of", second.Footer);
    }

    [Fact]
    public void Unverified_sources_are_flagged_for_the_reader()
    {
        var reply = _assistant.Respond(new TurnInput(PaidVpnQuestion), new ConversationState()).Replies.Single();

        Assert.Contains(reply.Sources, s => !s.Verified && s.Text.Contains("UNVERIFIED"));
    }

    [Fact]
    public void Out_of_scope_questions_fall_back_and_offer_the_main_topics()
    {
        var reply = _assistant.Respond(new TurnInput("What's the weather tomorrow?"), new ConversationState()).Replies.Single();

        Assert.Equal(ReplyKind.Fallback, reply.Kind);
        Assert.Equal("fallback", (string?)reply.Value!.ToJson()["type"]);
        Assert.InRange(reply.Actions.Count, 3, 5);
        Assert.All(reply.Actions, a => Assert.NotNull(RealContent.Served.Snapshot.Knowledge.FindTopic(a.Value["topic"])));
    }

    [Fact]
    public void A_topic_button_answers_that_topic_with_full_confidence()
    {
        var value = new Dictionary<string, string> { ["topic"] = "travelers" };

        var reply = _assistant.Respond(new TurnInput("Travelling to China", value), new ConversationState()).Replies.Single();

        Assert.Equal("travelers", (string?)reply.Value!.ToJson()["id"]);
        Assert.Equal(1.0, (double)reply.Value!.ToJson()["confidence"]!);
    }

    [Fact]
    public void A_button_for_a_topic_that_no_longer_exists_gets_a_helpful_fallback()
    {
        var reply = _assistant.Respond(new TurnInput(null, new Dictionary<string, string> { ["topic"] = "removed-topic" }), new ConversationState()).Replies.Single();

        Assert.Equal(ReplyKind.Fallback, reply.Kind);
        Assert.Contains("no longer available", reply.Text);
    }

    [Theory]
    [InlineData(null, 0, "Type a question")]
    [InlineData("", 0, "Type a question")]
    [InlineData("  ", 0, "Type a question")]
    [InlineData(null, 1, "only read text")]
    [InlineData("🙂", 0, "Type a question")]
    public void Messages_without_usable_text_get_a_helpful_reply(string? text, int attachments, string expected)
    {
        var reply = _assistant.Respond(new TurnInput(text, AttachmentCount: attachments), new ConversationState()).Replies.Single();

        Assert.Equal(ReplyKind.NoText, reply.Kind);
        Assert.Contains(expected, reply.Text);
        Assert.Null(reply.Value);
    }

    [Fact]
    public void A_chinese_question_is_answered_in_chinese()
    {
        var reply = _assistant.Respond(new TurnInput("个人用付费VPN违法吗"), new ConversationState()).Replies.Single();

        Assert.Equal("personal-paid-vpn", (string?)reply.Value!.ToJson()["id"]);
        Assert.Equal(RealContent.Served.Snapshot.Knowledge.FindTopic("personal-paid-vpn")!.Answer.Zh!.Trim(), reply.Text);
        Assert.Contains("一般性指引", reply.Footer);
    }

    [Fact]
    public void Each_member_is_welcomed_once()
    {
        var first = _assistant.Welcome("user-1", new ConversationState());
        var again = _assistant.Welcome("user-1", first.NewState);
        var other = _assistant.Welcome("user-2", again.NewState);

        Assert.Single(first.Replies);
        Assert.Empty(again.Replies);
        Assert.Single(other.Replies);
        Assert.Equal(["user-1", "user-2"], other.NewState.WelcomedMembers.AsEnumerable());
    }

    [Fact]
    public void A_greeting_is_answered_with_what_the_bot_does()
    {
        var hello = _assistant.Respond(new TurnInput("Hello!"), new ConversationState()).Replies.Single();

        Assert.StartsWith("Hello!", hello.Text);
        Assert.Equal("about-bot", (string?)hello.Value!.ToJson()["id"]);
        Assert.Contains("not legal advice", hello.Text + hello.Footer);
    }

    [Theory]
    [InlineData("bye", "Goodbye!")]
    [InlineData("Goodbye!", "Goodbye!")]
    [InlineData("thanks, bye", "Goodbye!")]
    [InlineData("再见", "再见！")]
    public void Goodbye_gets_a_short_goodbye(string typed, string expected)
    {
        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), new ConversationState()).Replies);

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.StartsWith(expected, reply.Text);
        Assert.Null(reply.Value);
    }

    [Theory]
    [InlineData("hi", Text.Language.English)]
    [InlineData("help", Text.Language.English)]
    [InlineData("你好", Text.Language.Chinese)]
    [InlineData("个人用付费VPN违法吗", Text.Language.Chinese)]
    public void A_reply_states_the_language_it_is_written_in_even_when_it_quotes_the_other(string typed, Text.Language expected)
    {
        var reply = Assert.Single(_assistant.Respond(new TurnInput(typed), new ConversationState()).Replies);

        Assert.Equal(expected, reply.Language);
        Assert.NotEmpty(reply.Sources);
    }

    [Fact]
    public void Thanks_get_a_short_reply_without_knowledge_value()
    {
        var thanks = _assistant.Respond(new TurnInput("thanks"), new ConversationState()).Replies.Single();

        Assert.Equal(ReplyKind.SmallTalk, thanks.Kind);
        Assert.Null(thanks.Value);
    }

    [Fact]
    public void Questions_that_fall_back_are_recorded_without_identity()
    {
        var log = new RecordingLog();
        var assistant = new ComplianceAssistant(new FixedContentProvider(RealContent.Served), log);

        assistant.Respond(new TurnInput("What's the  WEATHER tomorrow?"), new ConversationState());

        Assert.Equal([("What's the  WEATHER tomorrow?", UnansweredReason.FellBack)], log.Entries); // as typed: the log redacts before normalising
    }

    [Fact]
    public void The_log_gets_the_text_with_mentions_still_marked_up()
    {
        var log = new RecordingLog();
        var assistant = new ComplianceAssistant(new FixedContentProvider(RealContent.Served), log);

        assistant.Respond(new TurnInput("Bob Jones what's the weather") { TypedText = "<at>Bob Jones</at> what's the weather" }, new ConversationState());

        Assert.Equal([("<at>Bob Jones</at> what's the weather", UnansweredReason.FellBack)], log.Entries);
    }

    private sealed class RecordingLog : IUnansweredLog
    {
        public List<(string, UnansweredReason)> Entries { get; } = [];

        public void Record(string typedText, UnansweredReason reason, string? declinedAs = null) => Entries.Add((typedText, reason));
    }
}
