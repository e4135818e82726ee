using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Slack;

/// <summary>
/// Hostile or broken Slack deliveries: text no string can hold is still read and answered (and a retry is not answered
/// twice); a button click replayed within the signature window is handled once, even without an <c>action_ts</c>.
/// </summary>
public sealed class SlackHostileInputTests : RecordedHostTest
{
    private const string Direct = "D0HOSTILE1";
    private const string Channel = "C0COMPLIAN";

    private RecordingServer SlackApi => Remote;

    protected override IDictionary<string, string?> Settings(Uri remote) => SlackRequests.Settings(remote);

    [Fact]
    public async Task An_event_whose_text_has_an_escaped_lone_surrogate_is_acknowledged_and_answered_once()
    {
        var eventId = "EvLONE" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var body = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), "is a paid vpn legal in china? LONE"), eventId)
            .ToString(Newtonsoft.Json.Formatting.None).Replace("LONE", "\\ud800", StringComparison.Ordinal);

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, "/api/slack/events", body);
        var (retry, _) = await SlackRequests.PostAsync(Bot.Client, "/api/slack/events", body, retryNumber: 1);

        Assert.Equal((200, 200), (status, retry));
        var reply = Assert.Single(await SlackApi.WaitForAsync(1)).Json;
        Assert.Equal("personal-paid-vpn", (string?)reply["metadata"]!["event_payload"]!["id"]);
        await AssertOnlyTheSentinelFollowsAsync(1);
    }

    [Fact]
    public async Task An_event_whose_text_is_invalid_utf8_is_acknowledged_and_answered()
    {
        var json = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), "is a paid vpn legal in china? BAD")).ToString(Newtonsoft.Json.Formatting.None);
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var at = Encoding.UTF8.GetByteCount(json[..json.IndexOf("BAD", StringComparison.Ordinal)]);
        bytes.RemoveRange(at, 3);
        bytes.InsertRange(at, [0xC3, 0x28, 0xFF]); // an invalid two-byte sequence and a byte UTF-8 never uses

        var status = await PostSignedBytesAsync([.. bytes]);

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(await SlackApi.WaitForAsync(1)).Json;
        Assert.Equal("personal-paid-vpn", (string?)reply["metadata"]!["event_payload"]!["id"]);
    }

    [Fact]
    public async Task A_click_without_action_ts_replayed_within_the_signature_window_is_handled_once()
    {
        var thread = SlackRequests.NewTs();
        await SlackRequests.PostAsync(Bot.Client, "/api/slack/events", SlackRequests.EventCallback(
            SlackRequests.AppMention(Channel, thread, $"<@{SlackRequests.BotUserId}> is a paid vpn legal in china?")).ToString());
        var answer = Assert.Single(await SlackApi.WaitForAsync(1)).Json;
        var button = (JObject)answer["blocks"]!.Last()["elements"]![0]!;
        var message = new JObject
        {
            ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0COMPLIAN", ["text"] = answer["text"], ["ts"] = "1732875699.000200",
            ["thread_ts"] = thread, ["blocks"] = answer["blocks"],
        };
        var form = SlackRequests.BlockActions(Channel, message, button);
        var payload = JObject.Parse(Uri.UnescapeDataString(form["payload=".Length..]));
        ((JObject)payload["actions"]![0]!).Remove("action_ts");
        ((JObject)payload).Remove("trigger_id");
        var replayed = "payload=" + Uri.EscapeDataString(payload.ToString(Newtonsoft.Json.Formatting.None));

        var (first, _) = await SlackRequests.PostAsync(Bot.Client, "/api/slack/interactions", replayed, "application/x-www-form-urlencoded");
        var (again, _) = await SlackRequests.PostAsync(Bot.Client, "/api/slack/interactions", replayed, "application/x-www-form-urlencoded");

        Assert.Equal((200, 200), (first, again));
        await AssertOnlyTheSentinelFollowsAsync(2, thread);
    }

    /// <summary>Sends a direct-message question and asserts its answer is the only call after the first <paramref name="expectedBefore"/>.</summary>
    /// <remarks>The sentinel goes to the same conversation (so the same queue lane), so it is answered after anything queued before it.</remarks>
    private async Task AssertOnlyTheSentinelFollowsAsync(int expectedBefore, string? thread = null)
    {
        const string question = "what are the penalties for individuals";
        var sentinel = thread is null
            ? SlackRequests.Message(Direct, SlackRequests.NewTs(), question)
            : SlackRequests.AppMention(Channel, SlackRequests.NewTs(), $"<@{SlackRequests.BotUserId}> {question}", thread);
        await SlackRequests.PostAsync(Bot.Client, "/api/slack/events", SlackRequests.EventCallback(sentinel).ToString());
        var calls = await SlackApi.WaitForAsync(expectedBefore + 1);

        Assert.Equal(expectedBefore + 1, calls.Count);
        Assert.Equal("personal-penalties", (string?)calls[expectedBefore].Json["metadata"]!["event_payload"]!["id"]);
    }

    private async Task<HttpStatusCode> PostSignedBytesAsync(byte[] body)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"v0:{ts}:").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackRequests.SigningSecret), signed));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        using var response = await Bot.Client.SendAsync(request);
        return response.StatusCode;
    }
}
