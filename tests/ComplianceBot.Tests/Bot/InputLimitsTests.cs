using System.Net;
using System.Text;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// <c>InputLimits</c>: an oversized request body is refused with 413 and a reason before it is parsed; a message longer
/// than the turn's limit gets a helpful reply instead of being matched, and a dialog in progress survives it; the
/// limits are settings checked at start-up.
/// </summary>
public sealed class InputLimitsTests : IAsyncLifetime
{
    private const int DefaultMaxMessageLength = 2000;

    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Repeat(string word, int length) => string.Concat(Enumerable.Repeat(word, length / word.Length + 1))[..length];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_gets_413_with_a_reason(bool chunked)
    {
        var activity = Activities.Message(Repeat("vpn ", 300_000));
        activity["deliveryMode"] = "expectReplies";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("InputLimits:MaxRequestBodyBytes", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]);
    }

    [Fact]
    public async Task A_message_just_over_the_length_limit_gets_a_reply_asking_for_a_shorter_question()
    {
        var (status, replies) = await _server.SendAsync(Activities.Message(Repeat("is a paid vpn legal ", DefaultMaxMessageLength + 1)));

        Assert.Equal(200, status);
        var reply = Assert.Single(replies);
        Assert.Contains("too long for me", (string?)reply["text"]);
        Assert.Contains("shorter question", (string?)reply["text"]);
        Assert.Null(reply["value"]); // not an answer, not a fallback
    }

    [Fact]
    public async Task A_long_chinese_message_is_answered_in_chinese()
    {
        var (_, replies) = await _server.SendAsync(Activities.Message(Repeat("个人使用付费VPN合法吗", DefaultMaxMessageLength + 10)));

        Assert.Contains("太长", (string?)Assert.Single(replies)["text"]);
    }

    [Fact]
    public async Task A_dialog_in_progress_survives_an_overlong_message()
    {
        var conversation = "long-in-dialog-" + Guid.NewGuid().ToString("N");
        var (_, started) = await _server.SendAsync(Activities.Message(null, conversation, new JObject { ["start"] = "travel-check" }));
        var prompt = (JObject)started.Last()["value"]!;
        Assert.Equal("prompt", (string?)prompt["type"]);

        var (_, tooLong) = await _server.SendAsync(Activities.Message(Repeat("I am flying to Shanghai next week ", 5000), conversation));
        var choice = (string)prompt["choices"]![0]!["value"]!;
        var (_, answered) = await _server.SendAsync(Activities.Message(null, conversation, new JObject { ["slot"] = prompt["slot"], ["choice"] = choice }));

        Assert.Equal(2, tooLong.Count);
        Assert.Contains("still open", (string?)tooLong[0]["text"]);
        var again = (JObject)tooLong[1]["value"]!; // the question again, with its value and buttons
        Assert.Equal(("prompt", "travel-check", (string?)prompt["slot"]), ((string?)again["type"], (string?)again["dialog"], (string?)again["slot"]));
        Assert.Equal(prompt["choices"]!.ToString(), again["choices"]!.ToString());
        Assert.NotEmpty(tooLong[1]["suggestedActions"]?["actions"] ?? tooLong[1]["attachments"]!);
        var next = (JObject)answered.Last()["value"]!;
        Assert.Equal("travel-check", (string?)next["dialog"]);
        Assert.Contains((string?)next["type"], new[] { "prompt", "verdict" });
        Assert.NotEqual((string?)prompt["slot"], (string?)next["slot"]); // the answer was taken: the check moved on
    }

    [Fact]
    public async Task The_limits_are_settings()
    {
        await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["InputLimits:MaxMessageLength"] = "100",
            ["InputLimits:MaxRequestBodyBytes"] = "16384",
        });

        var (_, atLimit) = await server.SendAsync(Activities.Message(Repeat("vpn ", 99) + "s"));
        var (_, overLimit) = await server.SendAsync(Activities.Message(Repeat("vpn ", 99) + "s?"));
        using var response = await server.Client.PostAsync("/api/messages",
            new StringContent(Activities.Message(Repeat("vpn ", 17_000)).ToString(), Encoding.UTF8, "application/json"));

        Assert.DoesNotContain("too long", (string?)Assert.Single(atLimit)["text"]);
        Assert.NotNull(atLimit[0]["value"]); // matched
        Assert.Contains("too long for me", (string?)Assert.Single(overLimit)["text"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("InputLimits:MaxMessageLength", "5", "MaxMessageLength")]
    [InlineData("InputLimits:MaxRequestBodyBytes", "1000", "MaxRequestBodyBytes")]
    [InlineData("InputLimits:MaxMessageLength", "50000", "8 × InputLimits:MaxMessageLength")]
    public async Task An_invalid_limit_stops_the_host_at_start_up_naming_the_setting(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.Message);
    }
}
