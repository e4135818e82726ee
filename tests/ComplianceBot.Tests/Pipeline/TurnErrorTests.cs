using System.Text;
using ComplianceBot.Pipeline;
using ComplianceBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Pipeline;

/// <summary>
/// One turn-error handler for every adapter: when the bot fails, the Bot Framework endpoint, web chat and Slack each
/// still answer, with the same apology, and the operator sees the same log entry naming the channel.
/// </summary>
public sealed class TurnErrorTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private RecordingServer _slack = null!;
    private BotServer _server = null!;

    public async Task InitializeAsync()
    {
        _slack = await RecordingServer.StartAsync();
        _server = await BotServer.StartAsync(SlackRequests.Settings(_slack.Address), builder =>
        {
            builder.Services.AddTransient<IBot, FailingBot>();
            builder.Logging.AddProvider(_logs);
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task The_bot_framework_endpoint_answers_a_failed_turn_with_the_apology_and_logs_it()
    {
        var (status, replies) = await _server.SendAsync(Activities.Message("is a paid vpn legal in china?", "conv-fails"));

        Assert.Equal(200, status);
        Assert.Equal(TurnErrorHandler.ErrorMessage, (string?)Assert.Single(replies)["text"]);
        await AssertLoggedAsync("emulator");
    }

    [Fact]
    public async Task Web_chat_answers_a_failed_turn_with_the_apology_and_logs_it()
    {
        var replies = await WebChat.SendAsync(_server.Client, "is a paid vpn legal in china?");

        Assert.Equal(TurnErrorHandler.ErrorMessage, (string?)Assert.Single(replies)["text"]);
        await AssertLoggedAsync("webchat");
    }

    [Fact]
    public async Task Slack_answers_a_failed_turn_with_the_apology_in_the_conversation_and_logs_it()
    {
        var body = SlackRequests.EventCallback(SlackRequests.Message("D0FAILING1", SlackRequests.NewTs(), "is a paid vpn legal in china?")).ToString();

        var (status, _) = await SlackRequests.PostAsync(_server.Client, "/api/slack/events", body);

        Assert.Equal(200, status);
        var message = Assert.Single(await _slack.WaitForAsync(1)).Json;
        Assert.Equal("D0FAILING1", (string?)message["channel"]);
        Assert.StartsWith("Sorry, something went wrong on my side", (string?)message["text"]);
        await AssertLoggedAsync("slack");
    }

    private Task AssertLoggedAsync(string channel) => _logs.WaitForAsync(
        e => e.Level == LogLevel.Error && e.Category == typeof(TurnErrorHandler).FullName && e.Message.StartsWith($"Unhandled error in {channel} turn", StringComparison.Ordinal)
             && e.Exception is InvalidOperationException { Message: FailingBot.Failure },
        what: $"the {channel} turn error");

    private sealed class FailingBot : IBot
    {
        public const string Failure = "the bot failed on purpose";

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            turnContext.Activity.Type == "message" ? throw new InvalidOperationException(Failure) : Task.CompletedTask;
    }
}
