using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>Slack Events API and interactivity requests, signed as Slack signs them.</summary>
public static class SlackRequests
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotToken = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    public const string BotUserId = "U0BOTCOMPL";
    public const string TeamId = "T0ACME0001";
    public const string UserId = "U0ADA00001";

    private static int _sequence;

    public static string NewTs() => $"17328756{Interlocked.Increment(ref _sequence):D2}.{Random.Shared.Next(100000, 999999)}";

    public static Dictionary<string, string?> Settings(Uri api) => new()
    {
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:ApiBaseUrl"] = api.ToString(),
    };

    public static JObject EventCallback(JObject evt, string? eventId = null) => new()
    {
        ["token"] = "verification-token-unused",
        ["team_id"] = TeamId,
        ["api_app_id"] = "A0COMPLIAN",
        ["event"] = evt,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["authorizations"] = new JArray(new JObject
        {
            ["enterprise_id"] = null, ["team_id"] = TeamId, ["user_id"] = BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = false,
    };

    public static JObject AppMention(string channel, string ts, string text, string? threadTs = null)
    {
        var evt = new JObject
        {
            ["client_msg_id"] = Guid.NewGuid().ToString(), ["type"] = "app_mention", ["text"] = text, ["user"] = UserId,
            ["ts"] = ts, ["team"] = TeamId, ["channel"] = channel, ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            evt["thread_ts"] = threadTs;
        }

        return evt;
    }

    public static JObject Message(string channel, string ts, string text, string channelType = "im") => new()
    {
        ["client_msg_id"] = Guid.NewGuid().ToString(), ["type"] = "message", ["text"] = text, ["user"] = UserId, ["ts"] = ts,
        ["team"] = TeamId, ["channel"] = channel, ["event_ts"] = ts, ["channel_type"] = channelType,
    };

    /// <summary>A block_actions payload for a click on <paramref name="button"/> (found in <paramref name="clickedMessage"/>'s blocks).</summary>
    public static string BlockActions(string channel, JObject clickedMessage, JObject button) => "payload=" + Uri.EscapeDataString(new JObject
    {
        ["type"] = "block_actions",
        ["user"] = new JObject { ["id"] = UserId, ["username"] = "ada", ["team_id"] = TeamId },
        ["api_app_id"] = "A0COMPLIAN",
        ["token"] = "verification-token-unused",
        ["container"] = new JObject { ["type"] = "message", ["message_ts"] = clickedMessage["ts"], ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "12345.98765.abcd",
        ["team"] = new JObject { ["id"] = TeamId, ["domain"] = "acme" },
        ["channel"] = new JObject { ["id"] = channel, ["name"] = "compliance" },
        ["message"] = clickedMessage,
        ["response_url"] = "https://hooks.example.invalid/actions/T0ACME0001/1/abc",
        ["actions"] = new JArray(new JObject
        {
            ["action_id"] = button["action_id"], ["block_id"] = BlockIdOf(clickedMessage, button), ["text"] = button["text"], ["value"] = button["value"],
            ["type"] = "button", ["action_ts"] = NewTs(),
        }),
    }.ToString(Newtonsoft.Json.Formatting.None));

    private static string BlockIdOf(JObject message, JObject button) =>
        (string?)(message["blocks"] as JArray)?.FirstOrDefault(b => (b["elements"] as JArray)?.Any(e => (string?)e["action_id"] == (string?)button["action_id"]) == true)?["block_id"]
        ?? "b1";

    /// <summary>Posts <paramref name="body"/> signed with <paramref name="secret"/> at <paramref name="timestamp"/> (now by default).</summary>
    public static async Task<(int Status, string Body)> PostAsync(HttpClient client, string route, string body, string contentType = "application/json",
        DateTimeOffset? timestamp = null, string secret = SigningSecret, int? retryNumber = null, Func<string, string>? tamper = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{ts}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StringContent(tamper?.Invoke(body) ?? body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        if (retryNumber is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNumber.Value.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
