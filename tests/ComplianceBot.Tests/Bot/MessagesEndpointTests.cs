using System.Net;
using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>The bot through its real HTTP endpoint, with <c>expectReplies</c> as <c>docs/reply-format.md</c>, "The Bot Framework endpoint" describes.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_paid_vpn_question_is_answered_with_a_citation_and_the_contract_value()
    {
        var (status, replies) = await _server.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?"));

        Assert.Equal(200, status);
        var reply = Assert.Single(replies);
        var value = (JObject)reply["value"]!;
        Assert.Equal("answer", (string?)value["type"]);
        Assert.Equal("personal-paid-vpn", (string?)value["id"]);
        Assert.NotEmpty((JArray)value["citations"]!);
        Assert.Contains("**Sources:**", (string?)reply["text"]);
        Assert.Contains("not legal advice", (string?)reply["text"]);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.NotEmpty((JArray)reply["suggestedActions"]!["actions"]!);
    }

    [Fact]
    public async Task The_weather_question_falls_back()
    {
        var (status, replies) = await _server.SendAsync(Activities.Message("What's the weather tomorrow?"));

        Assert.Equal(200, status);
        Assert.Equal("fallback", (string?)Assert.Single(replies)["value"]!["type"]);
    }

    [Fact]
    public async Task The_legal_notice_is_shown_once_per_conversation()
    {
        var conversation = "notice-" + Guid.NewGuid().ToString("N");
        var (_, first) = await _server.SendAsync(Activities.Message("what are the penalties for individuals", conversation));
        var (_, second) = await _server.SendAsync(Activities.Message("what are the penalties for individuals", conversation));

        Assert.Contains("not legal advice", (string?)first.Single()["text"]);
        Assert.DoesNotContain("not legal advice", (string?)second.Single()["text"]);
    }

    [Fact]
    public async Task A_related_topic_button_posts_back_its_value_and_gets_that_answer()
    {
        var (_, replies) = await _server.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?"));
        var button = (JObject)replies.Single()["suggestedActions"]!["actions"]![0]!;

        var (_, clicked) = await _server.SendAsync(Activities.Message((string?)button["text"], value: (JObject)button["value"]!));

        Assert.Equal((string?)button["value"]!["topic"], (string?)clicked.Single()["value"]!["id"]);
    }

    [Fact]
    public async Task Each_human_member_is_welcomed_once_and_the_bot_never()
    {
        var conversation = "welcome-" + Guid.NewGuid().ToString("N");

        var (_, first) = await _server.SendAsync(Activities.MembersAdded(conversation, "bot", "user-1"));
        var (_, repeated) = await _server.SendAsync(Activities.MembersAdded(conversation, "bot", "user-1"));
        var (_, another) = await _server.SendAsync(Activities.MembersAdded(conversation, "user-2"));

        Assert.Single(first);
        Assert.Contains("ComplianceBot", (string?)first[0]["text"]);
        Assert.Empty(repeated);
        Assert.Single(another);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_message_without_text_gets_a_helpful_reply(string? text)
    {
        var (status, replies) = await _server.SendAsync(Activities.Message(text));

        Assert.Equal(200, status);
        Assert.Contains("Type a question", (string?)Assert.Single(replies)["text"]);
    }

    [Fact]
    public async Task An_attachment_only_message_gets_a_helpful_reply()
    {
        var attachments = new JArray(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/a.png", ["name"] = "a.png" });

        var (status, replies) = await _server.SendAsync(Activities.Message(null, attachments: attachments));

        Assert.Equal(200, status);
        Assert.Contains("only read text", (string?)Assert.Single(replies)["text"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"text\": \"hi\"}")]
    [InlineData("{\"type\": \"message\", \"channelId\": \"emulator\", \"deliveryMode\": \"expectReplies\"}")]
    [InlineData("{\"type\": 5, \"channelId\": \"emulator\", \"conversation\": {\"id\": \"c\"}, \"deliveryMode\": \"expectReplies\"}")]
    [InlineData("{\"type\": \"message\", \"channelId\": \"emulator\", \"conversation\": {\"id\": \"c\"}, \"deliveryMode\": \"expectReplies\", \"text\": {\"a\": 1}}")]
    public async Task A_malformed_body_gets_400_with_a_reason(string body)
    {
        using var response = await _server.Client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JObject.Parse(await response.Content.ReadAsStringAsync())["error"];
        Assert.False(string.IsNullOrWhiteSpace((string?)error));
    }

    [Fact]
    public async Task A_conversation_survives_a_bad_request_in_between()
    {
        var conversation = "survive-" + Guid.NewGuid().ToString("N");
        await _server.SendAsync(Activities.Message("what are the penalties for individuals", conversation));
        using var bad = await _server.Client.PostAsync("/api/messages", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        var (status, replies) = await _server.SendAsync(Activities.Message("what are the penalties for individuals", conversation));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(200, status);
        Assert.DoesNotContain("not legal advice", (string?)replies.Single()["text"]); // same conversation state as before
    }
}
