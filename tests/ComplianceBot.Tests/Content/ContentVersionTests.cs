using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Content;

/// <summary>Every reply that carries knowledge can be traced to the content it came from.</summary>
public sealed class ContentVersionTests : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Answers_and_fallbacks_carry_the_served_content_version_and_answers_say_as_of_their_review_date()
    {
        var served = await StatusAsync();
        var shortHash = (string)served["content"]!["shortHash"]!;
        Assert.Equal(12, shortHash.Length);
        Assert.StartsWith(shortHash, (string)served["content"]!["hash"]!);

        var (_, answer) = await _server.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?", "version-1"));
        var (_, fallback) = await _server.SendAsync(Activities.Message("what is the weather tomorrow", "version-2"));

        var answerValue = answer.Single()["value"]!;
        Assert.Equal("answer", (string?)answerValue["type"]);
        Assert.Equal(shortHash, (string?)answerValue["contentVersion"]);
        var reviewed = File.ReadLines(Path.Combine(Repo.Root, "knowledge", "topics", (string)answerValue["id"]! + ".yaml"))
            .Single(l => l.StartsWith("last_reviewed:", StringComparison.Ordinal))["last_reviewed:".Length..].Trim();
        Assert.Contains($"As of {reviewed}", (string?)answer.Single()["text"]);

        var fallbackValue = fallback.Single()["value"]!;
        Assert.Equal("fallback", (string?)fallbackValue["type"]);
        Assert.Equal(shortHash, (string?)fallbackValue["contentVersion"]);
    }

    [Fact]
    public async Task Prompts_and_verdicts_carry_the_served_content_version_and_the_verdict_says_as_of()
    {
        var served = await StatusAsync();
        var shortHash = (string)served["content"]!["shortHash"]!;

        var (_, prompt) = await _server.SendAsync(Activities.Message(null, "version-3", new JObject { ["start"] = "client-access-check" }));
        var (_, verdict) = await _server.SendAsync(Activities.Message(null, "version-3", new JObject { ["slot"] = "charging", ["choice"] = "yes" }));

        var promptValue = prompt.Single(r => r["value"] is JObject)["value"]!;
        Assert.Equal(("prompt", shortHash), ((string?)promptValue["type"], (string?)promptValue["contentVersion"]));
        var verdictReply = verdict.Single(r => r["value"] is JObject);
        Assert.Equal(("verdict", "not-permitted", shortHash),
            ((string?)verdictReply["value"]!["type"], (string?)verdictReply["value"]!["verdict"], (string?)verdictReply["value"]!["contentVersion"]));
        Assert.Contains($"As of {(string)served["content"]!["asOf"]!}", (string?)verdictReply["text"]);
    }

    private async Task<JObject> StatusAsync()
    {
        using var response = await _server.Client.GetAsync("/api/status");
        Assert.Equal(200, (int)response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }
}
