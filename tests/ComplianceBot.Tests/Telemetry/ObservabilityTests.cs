using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceBot.Storage;
using ComplianceBot.Telemetry;
using ComplianceBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OpenTelemetry.Trace;

namespace ComplianceBot.Tests.Telemetry;

/// <summary>What an operator sees: health and readiness, the turn's span and metrics, the monitoring endpoints kept local.</summary>
public sealed class ObservabilityTests
{
    private const string Question = "is a paid vpn legal in china?";


    [Fact]
    public async Task Healthz_says_alive_and_readyz_reports_content_and_storage_ready()
    {
        await using var server = await BotServer.StartAsync();

        var alive = await server.Client.GetAsync("/healthz");
        var ready = await server.Client.GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.OK, "ok"), (alive.StatusCode, await alive.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JObject.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", (string?)body["status"]);
        Assert.Equal("healthy", (string?)body["checks"]!["content"]!["status"]);
        Assert.StartsWith("serving content ", (string?)body["checks"]!["content"]!["description"]);
        Assert.Equal("healthy", (string?)body["checks"]!["storage"]!["status"]);
    }

    [Fact]
    public async Task Readyz_answers_503_with_the_reason_when_storage_cannot_be_reached()
    {
        var store = new UnreachableStore();
        await using var server = await BotServer.StartAsync(configure: b => b.Services.AddSingleton<BotStore>(store));
        store.Unreachable = true;

        var ready = await server.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = JObject.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("not ready", (string?)body["status"]);
        Assert.Equal("unhealthy", (string?)body["checks"]!["storage"]!["status"]);
        Assert.Equal("storage unreachable: IOException: the database host is down", (string?)body["checks"]!["storage"]!["description"]);
        Assert.Equal("healthy", (string?)body["checks"]!["content"]!["status"]);
    }

    [Fact]
    public async Task A_turn_is_counted_by_outcome_and_decision_with_its_confidence_on_the_metrics_endpoint()
    {
        await using var server = await BotServer.StartAsync();
        string[] answered = ["compliancebot_turns_total", "channel=\"emulator\"", "decision=\"answer\"", "outcome=\"answered\""];
        var before = Value(await server.Client.GetStringAsync("/metrics"), answered[0], answered[1..]);

        var (status, _) = await server.SendAsync(Activities.Message(Question, "metrics-1"));
        var scrape = await server.Client.GetStringAsync("/metrics");

        Assert.Equal(200, status);
        Assert.True(Value(scrape, answered[0], answered[1..]) >= before + 1, $"turn counter did not grow from {before}: {scrape}");
        Assert.True(Value(scrape, "compliancebot_match_confidence_count", "decision=\"answer\"") >= 1);
        Assert.True(Value(scrape, "compliancebot_turn_duration_seconds_count", "channel=\"emulator\"", "outcome=\"answered\"") >= 1);
        Assert.True(Value(scrape, "compliancebot_storage_duration_seconds_count", "operation=\"write\"") >= 1);
        Assert.True(Value(scrape, "compliancebot_content_reloads_total") >= 1);
        Assert.Contains("compliancebot_slack_queue_depth", scrape);
        Assert.DoesNotContain("paid vpn", scrape, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_turn_has_one_span_with_channel_decision_outcome_and_content_version_and_no_message_text()
    {
        var spans = new List<Activity>();
        await using var server = await BotServer.StartAsync(configure: b =>
            b.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        var traceId = ActivityTraceId.CreateRandom();
        var activity = Activities.Message(Question, "span-1");
        activity["deliveryMode"] = "expectReplies";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await server.Client.SendAsync(request);
        var status = JObject.Parse(await server.Client.GetStringAsync("/api/status"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<Activity> turns;
        lock (spans)
        {
            turns = spans.Where(s => s.TraceId == traceId && s.OperationName == "bot.turn").ToList();
        }

        var span = Assert.Single(turns);
        Assert.Equal("emulator", span.GetTagItem("bot.channel"));
        Assert.Equal("answer", span.GetTagItem("bot.decision"));
        Assert.Equal("answered", span.GetTagItem("bot.outcome"));
        Assert.Equal((string?)status["content"]!["shortHash"], span.GetTagItem("bot.content_version"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string s && s.Contains("vpn", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/api/status")]
    public async Task Monitoring_endpoints_answer_this_machine_only_unless_configured(string path)
    {
        await using var closed = await BotServer.StartAsync(configure: RemoteCaller.Enable);
        await using var open = await BotServer.StartAsync(new Dictionary<string, string?> { ["Hosting:AllowRemoteMonitoring"] = "true" }, RemoteCaller.Enable);

        var local = await closed.Client.GetAsync(path);
        var refused = await closed.Client.SendAsync(Remote(path));
        var allowed = await open.Client.SendAsync(Remote(path));
        var health = await closed.Client.SendAsync(Remote("/readyz"));

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Hosting:AllowRemoteMonitoring", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Graceful_shutdown_finishes_a_turn_in_flight_and_writes_its_audit_record()
    {
        var logs = new LogCollector();
        var hold = new HoldingMiddleware("shutdown-1");
        var server = await BotServer.StartAsync(
            new Dictionary<string, string?> { [$"Logging:LogLevel:{typeof(GracefulShutdown).FullName}"] = "Information" },
            b =>
            {
                b.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(hold); // innermost: inside the audit middleware
                b.Logging.AddProvider(logs);
            });
        try
        {
            var turn = server.SendAsync(Activities.Message(Question, "shutdown-1"));
            await hold.Entered.OrFailAsync("the turn to start");

            var stopping = Task.Run(server.StopAsync); // the host stops while the test goes on
            await logs.WaitForAsync(e => e.Message.StartsWith("Stopping: no new requests; finishing 1 turns in flight", StringComparison.Ordinal), what: "shutdown waiting for the turn");
            hold.Release();
            var (status, replies) = await turn;
            await stopping;

            Assert.Equal(200, status);
            Assert.Equal("personal-paid-vpn", (string?)replies[0]["value"]!["id"]);
            var record = Assert.Single(await server.Services.GetRequiredService<BotStore>().ReadAuditAsync("shutdown-1"));
            Assert.Equal("answer", record.Kind);
        }
        finally
        {
            hold.Release();
            await server.DisposeAsync();
        }
    }

    private static HttpRequestMessage Remote(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(RemoteCaller.Header, "10.1.2.3");
        return request;
    }

    /// <summary>The value of the sample of <paramref name="metric"/> that has all <paramref name="labels"/> (0 when there is none).</summary>
    private static double Value(string scrape, string metric, params string[] labels) =>
        scrape.Split('\n').FirstOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l.Contains)) is { } line
            ? double.Parse(Regex.Match(line, @"\} (\S+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    /// <summary>Holds the turns of one conversation until released, to have a turn in flight.</summary>
    private sealed class HoldingMiddleware(string conversationId) : Microsoft.Bot.Builder.IMiddleware
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Conversation?.Id == conversationId)
            {
                _entered.TrySetResult();
                await _released.Task;
            }

            await next(cancellationToken);
        }
    }

    /// <summary>A memory store whose reads fail while <see cref="Unreachable"/>, as a database whose host is down.</summary>
    private sealed class UnreachableStore() : InMemoryStore(TimeProvider.System)
    {
        public bool Unreachable { get; set; }

        public override Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Unreachable ? throw new IOException("the database host is down") : base.ReadAsync(keys, cancellationToken);
    }
}
