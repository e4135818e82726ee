using System.Net;
using System.Text;
using ComplianceBot.Pipeline;
using ComplianceBot.Storage;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Pipeline;

/// <summary>
/// Rate limits per conversation, per user and per web chat client: over the limit the person gets one polite reply
/// (not silence, not one per message), the messages are not read or recorded as unanswered, and an API flood gets 429.
/// The windows are long (an hour), so no test depends on time passing.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly string Polite = RateLimitMiddleware.Reply(Core.Text.Language.English).Text!;

    private static Dictionary<string, string?> Limits(int perConversation = 1000, int perUser = 1000, int webChatClient = 1000) => new()
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:PerConversation:PermitLimit"] = perConversation.ToString(),
        ["RateLimits:PerConversation:Window"] = "01:00:00",
        ["RateLimits:PerUser:PermitLimit"] = perUser.ToString(),
        ["RateLimits:PerUser:Window"] = "01:00:00",
        ["RateLimits:WebChatClient:PermitLimit"] = webChatClient.ToString(),
        ["RateLimits:WebChatClient:Window"] = "01:00:00",
    };

    [Fact]
    public async Task Over_the_conversation_limit_the_person_gets_one_polite_reply_and_the_junk_is_not_recorded_as_unanswered()
    {
        var server = await BotServer.StartAsync(Limits(perConversation: 2));
        try
        {
            var first = await server.SendAsync(Activities.Message("is a paid vpn legal in china?", "flood-1"));
            var second = await server.SendAsync(Activities.Message("qwzx junk one", "flood-1"));
            var third = await server.SendAsync(Activities.Message("qwzx junk two", "flood-1"));
            var fourth = await server.SendAsync(Activities.Message("qwzx junk three", "flood-1"));
            var elsewhere = await server.SendAsync(Activities.Message("is a paid vpn legal in china?", "flood-2"));
            await server.StopAsync(); // writes the unanswered questions queued

            Assert.Equal("personal-paid-vpn", (string?)first.Replies[0]["value"]!["id"]);
            Assert.NotEqual(Polite, (string?)second.Replies[0]["text"]); // within the limit: answered (a fallback)
            Assert.Equal(Polite, (string?)Assert.Single(third.Replies)["text"]);
            Assert.Equal((200, 0), (fourth.Status, fourth.Replies.Count)); // one polite reply per run, not one per message
            Assert.Equal("personal-paid-vpn", (string?)elsewhere.Replies[0]["value"]!["id"]); // other conversations go on

            var unanswered = await server.Services.GetRequiredService<BotStore>().ReadUnansweredAsync(DateTimeOffset.UtcNow.AddHours(-1));
            Assert.Contains(unanswered, q => q.Text == "qwzx junk one");
            Assert.DoesNotContain(unanswered, q => q.Text is "qwzx junk two" or "qwzx junk three");
            Assert.Equal(["qwzx junk one"], (await server.Services.GetRequiredService<BotStore>().ReadAuditAsync("flood-1")).Select(r => r.Text).Where(t => t!.StartsWith("qwzx")));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Over_the_user_limit_across_conversations_the_person_gets_the_polite_reply_in_Chinese_when_they_write_Chinese()
    {
        await using var server = await BotServer.StartAsync(Limits(perUser: 2));

        await server.SendAsync(Activities.Message("hello", "user-a"));
        await server.SendAsync(Activities.Message("hello", "user-b"));
        var chinese = Activities.Message("个人使用付费VPN违法吗", "user-c");
        chinese["locale"] = "zh-CN";
        var third = await server.SendAsync(chinese);

        Assert.Equal(RateLimitMiddleware.Reply(Core.Text.Language.Chinese).Text, (string?)Assert.Single(third.Replies)["text"]);
    }

    [Theory]
    [InlineData("个人使用付费VPN违法吗", "en-US", Core.Text.Language.Chinese)]
    [InlineData("is a paid vpn legal?", "zh-CN", Core.Text.Language.English)]
    [InlineData("3", "zh-CN", Core.Text.Language.Chinese)]
    public async Task The_polite_reply_is_in_the_language_of_the_message_and_of_the_locale_when_the_text_tells_none(string text, string locale, Core.Text.Language expected)
    {
        await using var server = await BotServer.StartAsync(Limits(perConversation: 1));
        await server.SendAsync(Activities.Message("hello", "lang-1"));
        var over = Activities.Message(text, "lang-1");
        over["locale"] = locale;

        var reply = await server.SendAsync(over);

        Assert.Equal(RateLimitMiddleware.Reply(expected).Text, (string?)Assert.Single(reply.Replies)["text"]);
    }

    [Fact]
    public async Task A_web_chat_client_flooding_the_api_gets_429_with_retry_after()
    {
        await using var server = await BotServer.StartAsync(Limits(webChatClient: 3));
        var conversation = await WebChat.StartAsync(server.Client); // request 1

        var (second, _) = await conversation.PostAsync(server.Client, new JObject { ["type"] = "message", ["text"] = "hello" });
        var (third, _) = await conversation.PostAsync(server.Client, new JObject { ["type"] = "message", ["text"] = "hello" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/conversations") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var fourth = await server.Client.SendAsync(request);

        Assert.Equal((200, 200), (second, third));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        var retryAfter = int.Parse(fourth.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 3600);
        Assert.StartsWith("Too many requests from this client", (string?)JObject.Parse(await fourth.Content.ReadAsStringAsync())["error"]);
    }

    [Fact]
    public async Task An_invalid_limit_stops_the_host_at_start_up_naming_the_setting()
    {
        var settings = Limits();
        settings["RateLimits:PerUser:PermitLimit"] = "0";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(settings));

        Assert.Contains("RateLimits:PerUser:PermitLimit must be between 1 and 100000 (got 0).", error.Message);
    }
}
