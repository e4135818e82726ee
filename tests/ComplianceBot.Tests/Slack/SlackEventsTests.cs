using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Slack;

/// <summary>
/// Slack's Events API against the real host: signed requests in, and the exact <c>chat.postMessage</c> calls the bot
/// makes, recorded by a local server standing in for Slack's Web API. Requests that must not be answered are followed
/// by a direct-message question (a sentinel); since a dropped delivery is decided before the 200, the sentinel's reply
/// being the only call proves nothing else was sent.
/// </summary>
public sealed class SlackEventsTests : RecordedHostTest
{
    private const string Events = "/api/slack/events";
    private const string Channel = "C0COMPLIAN";
    private const string Direct = "D0ADABOT01";
    private const string PaidVpnQuestion = "is a paid vpn legal in china?";

    private RecordingServer SlackApi => Remote;

    protected override IDictionary<string, string?> Settings(Uri remote) => SlackRequests.Settings(remote);

    [Fact]
    public async Task Url_verification_answers_the_challenge()
    {
        var body = new JObject { ["token"] = "t", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" };

        var (status, response) = await SlackRequests.PostAsync(Bot.Client, Events, body.ToString());

        Assert.Equal(200, status);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)JObject.Parse(response)["challenge"]);
    }

    [Fact]
    public async Task A_direct_message_is_acknowledged_and_answered_with_one_chat_postMessage_in_mrkdwn_and_block_kit()
    {
        var ts = SlackRequests.NewTs();

        var (status, _) = await PostEventAsync(SlackRequests.Message(Direct, ts, PaidVpnQuestion));

        Assert.Equal(200, status);
        var call = Assert.Single(await SlackApi.WaitForAsync(1));
        Assert.Equal("POST", call.Method);
        Assert.Equal("/chat.postMessage", call.Path);
        Assert.Equal("Bearer " + SlackRequests.BotToken, call.Header("Authorization"));
        Assert.StartsWith("application/json", call.Header("Content-Type"));
        var message = call.Json;
        Assert.Equal(Direct, (string?)message["channel"]);
        Assert.Null(message["thread_ts"]); // a top-level direct message is answered in the conversation itself
        Assert.False((bool)message["unfurl_links"]!);
        Assert.Equal("compliancebot_reply", (string?)message["metadata"]!["event_type"]);
        Assert.Equal("answer", (string?)message["metadata"]!["event_payload"]!["type"]);
        Assert.Equal("personal-paid-vpn", (string?)message["metadata"]!["event_payload"]!["id"]);
        Assert.StartsWith("*A paid or commercial VPN is an unauthorised channel", (string?)message["text"]);
        var blocks = (JArray)message["blocks"]!;
        Assert.Equal(["section", "context", "context", "actions"], blocks.Select(b => (string)b["type"]!));
        Assert.Equal("mrkdwn", (string?)blocks[0]!["text"]!["type"]);
        Assert.Contains("\n• Using such a service", (string?)blocks[0]!["text"]!["text"]);
        Assert.StartsWith("*Sources:* Interim Provisions on International Networking, Art. 6", (string?)blocks[1]!["elements"]![0]!["text"]);
        Assert.Contains("not legal advice", (string?)blocks[2]!["elements"]![0]!["text"]);
        var buttons = (JArray)blocks[3]!["elements"]!;
        Assert.Equal("Checking a provider's telecom licence", (string?)buttons[0]!["text"]!["text"]);
        Assert.Equal("{\"topic\":\"licence-verification\"}", (string?)buttons[0]!["value"]);
        Assert.Equal(buttons.Count, buttons.Select(b => (string?)b["action_id"]).Distinct().Count());
    }

    [Fact]
    public async Task A_channel_mention_is_answered_in_the_thread_of_the_question()
    {
        var ts = SlackRequests.NewTs();

        await PostEventAsync(SlackRequests.AppMention(Channel, ts, $"<@{SlackRequests.BotUserId}> {PaidVpnQuestion}"));

        var message = Assert.Single(await SlackApi.WaitForAsync(1)).Json;
        Assert.Equal(Channel, (string?)message["channel"]);
        Assert.Equal(ts, (string?)message["thread_ts"]);
        Assert.Equal("personal-paid-vpn", (string?)message["metadata"]!["event_payload"]!["id"]);
    }

    [Fact]
    public async Task The_app_mention_and_message_events_of_one_post_get_one_reply()
    {
        var ts = SlackRequests.NewTs();
        var text = $"<@{SlackRequests.BotUserId}> {PaidVpnQuestion}";

        var (first, _) = await PostEventAsync(SlackRequests.AppMention(Channel, ts, text));
        var (second, _) = await PostEventAsync(SlackRequests.Message(Channel, ts, text, channelType: "channel"));

        Assert.Equal(200, first);
        Assert.Equal(200, second);
        await AssertOnlyTheSentinelFollowsAsync(expectedBefore: 1);
    }

    [Fact]
    public async Task A_retry_of_an_event_already_handled_is_not_answered_again()
    {
        var delivery = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), PaidVpnQuestion));
        await SlackRequests.PostAsync(Bot.Client, Events, delivery.ToString());
        await SlackApi.WaitForAsync(1);

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Events, delivery.ToString(), retryNumber: 1);

        Assert.Equal(200, status);
        await AssertOnlyTheSentinelFollowsAsync(expectedBefore: 1);
    }

    [Fact]
    public async Task A_retry_of_an_event_never_seen_is_handled()
    {
        var delivery = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), PaidVpnQuestion));

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Events, delivery.ToString(), retryNumber: 2);

        Assert.Equal(200, status);
        Assert.Equal("personal-paid-vpn", (string?)Assert.Single(await SlackApi.WaitForAsync(1)).Json["metadata"]!["event_payload"]!["id"]);
    }

    public static TheoryData<string, JObject> IgnoredEvents => new()
    {
        {
            "bot message",
            new JObject { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0OTHERBOT", ["text"] = PaidVpnQuestion, ["ts"] = "1732875601.000100", ["channel"] = Direct, ["channel_type"] = "im" }
        },
        {
            "the bot's own message (bot_id, no subtype)",
            new JObject { ["type"] = "message", ["bot_id"] = "B0COMPLIAN", ["user"] = SlackRequests.BotUserId, ["text"] = "Hi!", ["ts"] = "1732875601.000200", ["channel"] = Direct, ["channel_type"] = "im" }
        },
        {
            "message_changed",
            new JObject
            {
                ["type"] = "message", ["subtype"] = "message_changed", ["hidden"] = true, ["channel"] = Direct, ["channel_type"] = "im", ["ts"] = "1732875601.000300",
                ["message"] = new JObject { ["type"] = "message", ["user"] = SlackRequests.UserId, ["text"] = PaidVpnQuestion, ["ts"] = "1732875600.000100", ["edited"] = new JObject { ["user"] = SlackRequests.UserId, ["ts"] = "1732875601.000000" } },
                ["previous_message"] = new JObject { ["type"] = "message", ["user"] = SlackRequests.UserId, ["text"] = "is a paid vpn legal", ["ts"] = "1732875600.000100" },
            }
        },
        {
            "reaction_added",
            new JObject
            {
                ["type"] = "reaction_added", ["user"] = SlackRequests.UserId, ["reaction"] = "thumbsup", ["item_user"] = SlackRequests.BotUserId,
                ["item"] = new JObject { ["type"] = "message", ["channel"] = Channel, ["ts"] = "1732875600.000100" }, ["event_ts"] = "1732875602.000100",
            }
        },
        {
            "a channel message that does not mention the bot",
            new JObject { ["type"] = "message", ["user"] = SlackRequests.UserId, ["text"] = PaidVpnQuestion, ["ts"] = "1732875603.000100", ["channel"] = Channel, ["channel_type"] = "channel" }
        },
    };

    [Theory]
    [MemberData(nameof(IgnoredEvents))]
    public async Task Events_that_are_not_new_user_messages_are_acknowledged_and_ignored(string what, JObject evt)
    {
        var (status, body) = await PostEventAsync(evt);

        Assert.True(status == 200, $"{what}: {status} {body}");
        await AssertOnlyTheSentinelFollowsAsync(expectedBefore: 0);
    }

    [Fact]
    public async Task Slack_markup_is_normalised_before_matching()
    {
        var text = $"<@{SlackRequests.BotUserId}> <!here> Q&amp;A: is a <https://intranet.example.com/paid-vpn|paid> *vpn* legal in &lt;china&gt;?";

        await PostEventAsync(SlackRequests.AppMention(Channel, SlackRequests.NewTs(), text));

        var payload = Assert.Single(await SlackApi.WaitForAsync(1)).Json["metadata"]!["event_payload"]!;
        Assert.Equal("answer", (string?)payload["type"]);
        Assert.Equal("personal-paid-vpn", (string?)payload["id"]);
    }

    [Fact]
    public async Task Conversation_state_is_kept_per_thread()
    {
        var thread = SlackRequests.NewTs();
        var question = $"<@{SlackRequests.BotUserId}> what are the penalties for individuals";

        await PostEventAsync(SlackRequests.AppMention(Channel, thread, question));
        await SlackApi.WaitForAsync(1);
        await PostEventAsync(SlackRequests.AppMention(Channel, SlackRequests.NewTs(), question, threadTs: thread));
        await SlackApi.WaitForAsync(2);
        await PostEventAsync(SlackRequests.AppMention(Channel, SlackRequests.NewTs(), question));
        var calls = await SlackApi.WaitForAsync(3);

        Assert.Equal(thread, (string?)calls[1].Json["thread_ts"]);
        Assert.Contains("not legal advice", calls[0].Body);
        Assert.DoesNotContain("not legal advice", calls[1].Body); // same thread: the notice was already shown
        Assert.Contains("not legal advice", calls[2].Body); // a new thread is a new conversation
    }

    [Fact]
    public async Task A_tampered_body_is_refused_with_401()
    {
        var body = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), PaidVpnQuestion)).ToString();

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Events, body, tamper: b => b.Replace("paid vpn", "free vpn"));

        Assert.Equal(401, status);
        await AssertOnlyTheSentinelFollowsAsync(expectedBefore: 0);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused_with_401()
    {
        var body = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), PaidVpnQuestion)).ToString();

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Events, body, secret: "another-apps-secret");

        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_request_more_than_five_minutes_from_now_is_refused_with_401(int minutes)
    {
        var body = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), PaidVpnQuestion)).ToString();

        var (status, response) = await SlackRequests.PostAsync(Bot.Client, Events, body, timestamp: DateTimeOffset.UtcNow.AddMinutes(minutes));

        Assert.Equal(401, status);
        Assert.Contains("timestamp", (string?)JObject.Parse(response)["error"]);
        await AssertOnlyTheSentinelFollowsAsync(expectedBefore: 0);
    }

    [Fact]
    public async Task A_request_without_signature_headers_is_refused_with_401()
    {
        using var response = await Bot.Client.PostAsync(Events, new StringContent("{\"type\":\"url_verification\",\"challenge\":\"x\"}"));

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"event_callback\",\"event\":{}}")]
    public async Task A_signed_but_malformed_body_gets_400_with_a_reason(string body)
    {
        var (status, response) = await SlackRequests.PostAsync(Bot.Client, Events, body);

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)JObject.Parse(response)["error"]));
    }

    private Task<(int Status, string Body)> PostEventAsync(JObject evt) =>
        SlackRequests.PostAsync(Bot.Client, Events, SlackRequests.EventCallback(evt).ToString());

    private async Task AssertOnlyTheSentinelFollowsAsync(int expectedBefore)
    {
        // Same direct-message conversation as most events above, so it is processed after anything they queued.
        await PostEventAsync(SlackRequests.Message(Direct, SlackRequests.NewTs(), "what are the penalties for individuals"));
        var calls = await SlackApi.WaitForAsync(expectedBefore + 1);

        Assert.Equal(expectedBefore + 1, calls.Count);
        Assert.Single(calls, c => (string?)c.Json["metadata"]!["event_payload"]!["id"] == "personal-penalties");
    }
}
