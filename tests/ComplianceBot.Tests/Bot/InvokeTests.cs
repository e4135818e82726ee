using ComplianceBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// Invoke activities as Teams sends them (no expectReplies: the invoke response is the HTTP response): every name gets
/// a deliberate answer, never the SDK's 501.
/// </summary>
public sealed class InvokeTests : RecordedHostTest
{
    private RecordingServer Connector => Remote;

    [Fact]
    public async Task A_health_check_gets_the_bot_framework_health_check_response()
    {
        var (status, body) = await Bot.PostAsync(TeamsActivities.Invoke(Connector.Address, "healthCheck"));

        Assert.Equal(200, status);
        var results = JObject.Parse(body)["healthResults"]!;
        Assert.True((bool)results["success"]!);
        Assert.Contains("Health check succeeded.", results["messages"]!.Values<string>());
        Assert.Empty(Connector.Requests);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("{\"action\": \"x\"}")]
    [InlineData("{\"action\": {\"type\": \"Action.Execute\", \"data\": 5}}")]
    [InlineData("{}")]
    [InlineData("{\"action\": {\"type\": \"Action.Submit\", \"data\": {\"topic\": \"travelers\"}}}")]
    [InlineData("{\"action\": {\"type\": \"Action.Execute\", \"data\": {\"start\": 5}}}")]
    [InlineData("{\"action\": {\"type\": \"Action.Execute\", \"data\": {\"topic\": true}}}")]
    [InlineData("{\"action\": {\"type\": \"Action.Execute\", \"data\": {\"topic\": \"travelers\", \"n\": [1]}}}")]
    [InlineData("{\"action\": {\"type\": \"Action.Execute\", \"data\": \"{\\\"start\\\": 5}\"}}")]
    public async Task A_malformed_universal_action_gets_the_adaptive_card_error_response_not_an_apology(string value)
    {
        var activity = TeamsActivities.Invoke(Connector.Address, "adaptiveCard/action");
        activity["value"] = JToken.Parse(value);

        var (status, body) = await Bot.PostAsync(activity);

        Assert.Equal(400, status);
        var response = JObject.Parse(body);
        Assert.Equal(400, (int?)response["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)response["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)response["value"]!["message"]));
        Assert.Empty(Connector.Requests); // no "something went wrong" message
    }

    [Theory]
    [InlineData("healthCheck")]
    [InlineData("signin/verifyState")]
    [InlineData("signin/tokenExchange")]
    [InlineData("application/search")]
    [InlineData("fileConsent/invoke")]
    [InlineData("config/fetch")]
    [InlineData("tab/fetch")]
    [InlineData("message/submitAction")]
    [InlineData("composeExtension/query")]
    [InlineData("task/submit")]
    public async Task No_invoke_name_is_answered_501(string name)
    {
        var (status, _) = await Bot.PostAsync(TeamsActivities.Invoke(Connector.Address, name));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task An_invoke_whose_turn_fails_gets_500_and_the_apology_not_501()
    {
        await using var failing = await BotServer.StartAsync(configure: builder => builder.Services.AddTransient<IBot, FailingBot>());

        var (status, _) = await failing.PostAsync(TeamsActivities.Invoke(Connector.Address, "adaptiveCard/action"));

        Assert.Equal(500, status);
        Assert.Contains("something went wrong", (string?)Assert.Single(Connector.Requests).Json["text"]);
    }

    [Fact]
    public async Task A_universal_action_whose_replies_cannot_be_delivered_gets_500_not_501()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["OutboundHttp:MaxRetries"] = "1", ["OutboundHttp:FirstRetryDelay"] = "00:00:00.010" });
        var unreachable = new Uri("http://127.0.0.1:9/"); // discard port: nothing listens, the connection is refused
        var activity = TeamsActivities.Invoke(unreachable, "adaptiveCard/action");
        activity["value"] = JToken.Parse("{\"action\": {\"type\": \"Action.Execute\", \"data\": {\"topic\": \"travelers\"}}}");

        var (status, _) = await bot.PostAsync(activity);

        Assert.Equal(500, status);
    }

    [Fact]
    public async Task A_well_formed_universal_action_is_answered_like_a_button_click()
    {
        var activity = TeamsActivities.Invoke(Connector.Address, "adaptiveCard/action");
        activity["value"] = JToken.Parse("{\"action\": {\"type\": \"Action.Execute\", \"data\": {\"topic\": \"travelers\"}}}");

        var (status, _) = await Bot.PostAsync(activity);

        Assert.Equal(200, status);
        Assert.Contains(Connector.Requests, r => (string?)r.Json["value"]?["id"] == "travelers");
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A fault in the turn (test).");
    }
}
