using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// Replies to Teams go through the Bot Connector; when it fails the bot retries, logs, and the conversation goes on.
/// Timeouts and retry delays run on a fake clock: nothing times out unless the test moves the clock, and each retry
/// delay is passed once the bot has logged it and set its timer.
/// </summary>
public sealed partial class ConnectorResilienceTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly LogCollector _logs = new();
    private readonly TestClock _clock = new();
    private BotServer _bot = null!;
    private RecordingServer _connector = null!;

    [GeneratedRegex(@"retry (\d+) of \d+ in (\d+) ms")]
    private static partial Regex RetryLine();

    public async Task InitializeAsync()
    {
        _connector = await RecordingServer.StartAsync();
        _bot = await BotServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["OutboundHttp:FirstRetryDelay"] = "00:00:01",
                ["OutboundHttp:AttemptTimeout"] = AttemptTimeout.ToString("c", CultureInfo.InvariantCulture),
                ["OutboundHttp:MaxRetries"] = "2",
            },
            builder =>
            {
                builder.Logging.AddProvider(_logs);
                builder.Services.AddSingleton<TimeProvider>(_clock);
            });
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

        var (status, _) = await PassingRetryDelaysAsync(_bot.PostAsync(Question("conv-500")));

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
                await Task.Delay(Timeout.InfiniteTimeSpan, aborted); // no answer until the bot gives up on the attempt
            }

            return await RecordingServer.Ok(request, aborted);
        };

        var post = _bot.PostAsync(Question("conv-timeout"));
        await _connector.WaitForAsync(1);
        await _clock.AdvancePastTimerAsync(AttemptTimeout);
        var (status, _) = await PassingRetryDelaysAsync(post);

        Assert.Equal(200, status);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Timeout"));
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_is_logged_and_the_next_turn_of_the_conversation_is_answered()
    {
        _connector.Respond = (_, _) => Task.FromResult((503, "{}"));
        var (failedStatus, _) = await PassingRetryDelaysAsync(_bot.PostAsync(Question("conv-down")));
        var failedCalls = _connector.Requests.Count;

        _connector.Respond = RecordingServer.Ok;
        var (status, _) = await _bot.PostAsync(Question("conv-down"));

        Assert.Equal(200, failedStatus);
        Assert.True(failedCalls >= 3, $"expected the first attempt and 2 retries, got {failedCalls} calls");
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("could not be delivered") && e.Message.Contains("conv-down"));
        Assert.Equal(200, status);
        var delivered = _connector.Requests.Skip(failedCalls).Single();
        Assert.Equal("personal-penalties", (string?)delivered.Json["value"]!["id"]);
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_gets_no_second_delivery_attempt_and_one_error_line_without_a_stack_trace()
    {
        _connector.Respond = (_, _) => Task.FromResult((503, "{}"));

        await PassingRetryDelaysAsync(_bot.PostAsync(Question("conv-down-once")));

        Assert.Equal(3, _connector.Requests.Count); // the reply: the first attempt and 2 retries; no error message sent after it
        var error = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Null(error.Exception);
        Assert.Contains("could not be delivered to " + _connector.Address, error.Message);
    }

    [Fact]
    public async Task An_unreachable_connector_is_logged_as_one_error_line_without_a_stack_trace()
    {
        var address = _connector.Address;
        await _connector.DisposeAsync(); // nothing listens there any more

        var (status, _) = await PassingRetryDelaysAsync(_bot.PostAsync(TeamsActivities.PersonalMessage(address, "what are the penalties for individuals", "a:conv-unreachable")));

        Assert.Equal(200, status);
        var error = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Null(error.Exception);
        Assert.Contains("HttpRequestException", error.Message);
    }

    /// <summary>
    /// Awaits <paramref name="call"/>, moving the clock past each retry delay the bot logs ("retry n of m in d ms")
    /// once the bot has set its timer, until the call completes.
    /// </summary>
    private async Task<T> PassingRetryDelaysAsync<T>(Task<T> call)
    {
        using var done = new CancellationTokenSource();
        for (var retry = RetriesLogged() + 1; ; retry++)
        {
            var logged = _logs.WaitForAsync(e => RetryLine().IsMatch(e.Message), retry, "a retry", done.Token);
            if (await Task.WhenAny(call, logged) == call)
            {
                await done.CancelAsync();
                return await call;
            }

            var delay = TimeSpan.FromMilliseconds(int.Parse(RetryLine().Match((await logged).Message).Groups[2].Value, CultureInfo.InvariantCulture));
            if (delay > TimeSpan.Zero) // a delay under 1 ms (logged as 0) fires as soon as it is set
            {
                await _clock.AdvancePastTimerAsync(delay);
            }
        }
    }

    private int RetriesLogged() => _logs.Entries.Count(e => RetryLine().IsMatch(e.Message));

    private Newtonsoft.Json.Linq.JObject Question(string conversation) =>
        TeamsActivities.PersonalMessage(_connector.Address, "what are the penalties for individuals", "a:" + conversation + "-" + TeamsActivities.NewId());
}
