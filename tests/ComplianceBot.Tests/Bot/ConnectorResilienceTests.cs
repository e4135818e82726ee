using ComplianceBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ComplianceBot.Tests.Bot;

/// <summary>Replies to Teams go through the Bot Connector; when it fails the bot retries, logs, and the conversation goes on.</summary>
public sealed class ConnectorResilienceTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private BotServer _bot = null!;
    private RecordingServer _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingServer.StartAsync();
        _bot = await BotServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["OutboundHttp:FirstRetryDelay"] = "00:00:00.050",
                ["OutboundHttp:AttemptTimeout"] = "00:00:01",
                ["OutboundHttp:MaxRetries"] = "2",
            },
            builder => builder.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_500_from_the_connector_is_retried_and_the_reply_is_delivered_once()
    {
        _connector.Respond = (request, aborted) => request.Index == 0
            ? Task.FromResult((500, "{\"error\":{\"code\":\"ServiceError\"}}"))
            : RecordingServer.Ok(request, aborted);

        var (status, _) = await _bot.PostAsync(Question("conv-500"));

        Assert.Equal(200, status);
        var calls = _connector.Requests;
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.Equal("personal-penalties", (string?)calls[1].Json["value"]!["id"]);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("HTTP 500") && e.Message.Contains("retry 1 of 2"));
    }

    [Fact]
    public async Task A_connector_that_does_not_answer_in_time_is_retried()
    {
        _connector.Respond = async (request, aborted) =>
        {
            if (request.Index == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), aborted); // longer than the 1 s attempt timeout
            }

            return await RecordingServer.Ok(request, aborted);
        };

        var (status, _) = await _bot.PostAsync(Question("conv-timeout"));

        Assert.Equal(200, status);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Timeout"));
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_is_logged_and_the_next_turn_of_the_conversation_is_answered()
    {
        _connector.Respond = (_, _) => Task.FromResult((503, "{}"));
        var (failedStatus, _) = await _bot.PostAsync(Question("conv-down"));
        var failedCalls = _connector.Requests.Count;

        _connector.Respond = RecordingServer.Ok;
        var (status, _) = await _bot.PostAsync(Question("conv-down"));

        Assert.Equal(200, failedStatus);
        Assert.True(failedCalls >= 3, $"expected the first attempt and 2 retries, got {failedCalls} calls");
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Unhandled error in turn"));
        Assert.Equal(200, status);
        var delivered = _connector.Requests.Skip(failedCalls).Single();
        Assert.Equal("personal-penalties", (string?)delivered.Json["value"]!["id"]);
    }

    private Newtonsoft.Json.Linq.JObject Question(string conversation) =>
        TeamsActivities.PersonalMessage(_connector.Address, "what are the penalties for individuals", "a:" + conversation + "-" + TeamsActivities.NewId());
}
