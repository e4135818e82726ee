using System.Net;
using System.Text;
using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Web;

/// <summary>The API behind the chat page's Direct Line shim.</summary>
public sealed class WebChatEndpointTests : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, JObject Body)> PostAsync(string path, string body, JObject? started = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if ((string?)started?["token"] is { } token)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token); // the conversation's token
        }

        using var response = await _server.Client.SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_page_is_served_at_the_root_with_the_web_chat_bundle()
    {
        var page = await _server.Client.GetStringAsync("/");
        using var bundle = await _server.Client.GetAsync("/webchat/vendor/botframework-webchat/webchat.js");

        Assert.Contains("webchat/local-direct-line.js", page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }

    [Fact]
    public async Task Starting_a_conversation_returns_its_id_and_the_welcome_from_the_bot()
    {
        var (status, body) = await PostAsync("/api/webchat/conversations", "{\"locale\":\"zh-CN\",\"user\":{\"id\":\"webchat-1a2b\"}}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^[0-9a-f]{32}$", (string?)body["conversationId"]);
        var welcome = (JObject)Assert.Single((JArray)body["activities"]!);
        Assert.Equal("bot", (string?)welcome["from"]!["role"]);
        Assert.Equal("webchat-1a2b", (string?)welcome["recipient"]!["id"]);
        Assert.Contains("ComplianceBot", (string?)welcome["text"]); // the Chinese welcome, from the locale
        Assert.Contains("你好", (string?)welcome["text"]);
    }

    [Fact]
    public async Task A_message_returns_its_id_and_the_replies_with_the_contract_value()
    {
        var (_, started) = await PostAsync("/api/webchat/conversations", "{}");
        var conversation = (string)started["conversationId"]!;
        var message = new JObject
        {
            ["type"] = "message", ["text"] = "Is it illegal for individuals to use paid international VPN services?",
            ["from"] = new JObject { ["id"] = "webchat-1a2b", ["role"] = "user" }, ["channelData"] = new JObject { ["clientActivityID"] = "c1" },
        };

        var (status, body) = await PostAsync($"/api/webchat/conversations/{conversation}/activities", message.ToString(), started);

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = (JObject)Assert.Single((JArray)body["activities"]!);
        Assert.Equal((string?)body["id"], (string?)reply["replyToId"]);
        Assert.Equal("personal-paid-vpn", (string?)reply["value"]!["id"]);
        Assert.Equal(conversation, (string?)reply["conversation"]!["id"]);
        Assert.True(DateTimeOffset.Parse((string)reply["timestamp"]!) >= DateTimeOffset.Parse((string)body["timestamp"]!));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\",\"text\":{\"a\":1}}")]
    public async Task A_malformed_activity_gets_400_with_a_reason(string body)
    {
        var (status, response) = await PostAsync("/api/webchat/conversations/abc123/activities", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)response["error"]));
    }

    [Theory]
    [InlineData("{\"user\":\"bob\"}", "'user'")]
    [InlineData("{\"user\":{\"id\":5}}", "'user.id'")]
    [InlineData("{\"locale\":{}}", "'locale'")]
    public async Task A_malformed_start_gets_400_with_a_reason(string body, string named)
    {
        var (status, response) = await PostAsync("/api/webchat/conversations", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, (string?)response["error"]);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"from\":\"bob\"}", "'from'")]
    [InlineData("{\"type\":{},\"text\":\"hi\"}", "'type'")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"locale\":{}}", "'locale'")]
    [InlineData("{\"type\":\"message\",\"attachments\":[{\"contentType\":{}}]}", "'attachments[0].contentType'")]
    [InlineData("{\"type\":\"message\",\"attachments\":\"x\"}", "'attachments'")]
    [InlineData("{\"type\":\"\",\"text\":\"hi\"}", "'type'")]
    public async Task A_field_of_the_wrong_shape_gets_400_naming_it(string body, string named)
    {
        var (status, response) = await PostAsync("/api/webchat/conversations/abc123/activities", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, (string?)response["error"]);
    }

    [Fact]
    public async Task A_message_with_from_null_is_answered()
    {
        var (_, started) = await PostAsync("/api/webchat/conversations", "{\"user\":null,\"locale\":null}");
        var conversation = (string)started["conversationId"]!;

        var (status, body) = await PostAsync($"/api/webchat/conversations/{conversation}/activities", "{\"type\":\"message\",\"text\":\"is a paid vpn legal\",\"from\":null}", started);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("personal-paid-vpn", (string?)Assert.Single((JArray)body["activities"]!)["value"]!["id"]);
    }

    [Fact]
    public async Task An_overlong_message_gets_the_same_reply_as_in_every_channel_not_an_error()
    {
        var (_, started) = await PostAsync("/api/webchat/conversations", "{}");
        var conversation = (string)started["conversationId"]!;
        var message = new JObject { ["type"] = "message", ["text"] = string.Concat(Enumerable.Repeat("is a paid vpn legal ", 250)) };

        var (status, body) = await PostAsync($"/api/webchat/conversations/{conversation}/activities", message.ToString(), started);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("too long for me", (string?)Assert.Single((JArray)body["activities"]!)["text"]);
    }

    [Fact]
    public async Task An_oversized_or_non_json_body_is_refused_with_a_reason()
    {
        var huge = new JObject { ["type"] = "message", ["text"] = new string('v', 300_000) }.ToString();
        using var tooLarge = await _server.Client.PostAsync("/api/webchat/conversations/abc123/activities", new StringContent(huge, Encoding.UTF8, "application/json"));
        using var plain = await _server.Client.PostAsync("/api/webchat/conversations/abc123/activities", new StringContent("{\"type\":\"message\"}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("MaxRequestBodyBytes", (string?)JObject.Parse(await tooLarge.Content.ReadAsStringAsync())["error"]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Contains("application/json", (string?)JObject.Parse(await plain.Content.ReadAsStringAsync())["error"]);
    }

    [Fact]
    public async Task A_conversation_id_with_unexpected_characters_gets_400()
    {
        var (status, _) = await PostAsync("/api/webchat/conversations/a.b%2Fc/activities", "{\"type\":\"message\",\"text\":\"hi\"}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
