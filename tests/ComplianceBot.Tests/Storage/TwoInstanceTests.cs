using ComplianceBot.Content;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Storage;

/// <summary>
/// Several instances: two hosts on different ports sharing one PostgreSQL database serve one conversation in turns,
/// a content reload on one does not break the conversation on the other, and a Slack event or button click delivered
/// to both is answered once.
/// </summary>
public sealed class TwoInstanceTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>, IAsyncLifetime
{
    private const string Direct = "D0TWOHOSTS";
    private readonly TempContent _contentA = new();
    private readonly TempContent _contentB = new();
    private RecordingServer _slack = null!;
    private BotServer _a = null!;
    private BotServer _b = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        _slack = await RecordingServer.StartAsync();
        Dictionary<string, string?> Settings(TempContent content)
        {
            var settings = SlackRequests.Settings(_slack.Address);
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = database;
            settings["Content:WatchForChanges"] = "false";
            foreach (var (key, value) in content.Settings())
            {
                settings[key] = value;
            }

            return settings;
        }

        _a = await BotServer.StartAsync(Settings(_contentA));
        _b = await BotServer.StartAsync(Settings(_contentB));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _slack.DisposeAsync();
        _contentA.Dispose();
        _contentB.Dispose();
    }

    [Fact]
    public async Task A_check_continues_when_its_turns_alternate_between_two_instances_and_one_reloads_its_content()
    {
        Assert.NotEqual(_a.Address, _b.Address);
        var (_, first) = await _a.SendAsync(Activities.Message(null, "shared-1", StoredState.Start("travel-check")));
        Assert.Equal("destination", (string?)first.Last()["value"]!["slot"]);
        var (_, second) = await _b.SendAsync(Activities.Message(null, "shared-1", StoredState.Choice("destination", "mainland-china")));
        Assert.Equal("method", (string?)second.Last()["value"]!["slot"]);

        var store = _a.Services.GetRequiredService<ContentStore>();
        var before = store.Current.Snapshot.Version.Hash;
        File.AppendAllText(_contentA.PathOf("topics/travelers.yaml"), "\n# reviewed again\n");
        Assert.False(store.Reload().HasErrors);
        Assert.NotEqual(before, store.Current.Snapshot.Version.Hash);

        var (_, aside) = await _a.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?", "shared-1"));
        Assert.Equal("method", (string?)aside.Last()["value"]!["slot"]); // still asking the same question after the reload
        var (_, third) = await _b.SendAsync(Activities.Message(null, "shared-1", StoredState.Choice("method", "unlicensed-vpn")));
        var verdict = third.Select(r => r["value"]).OfType<JObject>().Single(v => (string?)v["type"] == "verdict");
        Assert.Equal("not-permitted", (string?)verdict["verdict"]);
        Assert.Equal("mainland-china", (string?)verdict["facts"]!["destination"]);
    }

    [Fact]
    public async Task A_slack_event_and_a_button_click_delivered_to_both_instances_are_answered_once()
    {
        var delivery = SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), "Is it illegal for individuals to use paid international VPN services?")).ToString();
        var message = new JObject
        {
            ["ts"] = SlackRequests.NewTs(), ["text"] = "Related topics",
            ["blocks"] = new JArray(new JObject
            {
                ["type"] = "actions", ["block_id"] = "related",
                ["elements"] = new JArray(new JObject
                {
                    ["type"] = "button", ["action_id"] = "topic-0", ["text"] = new JObject { ["type"] = "plain_text", ["text"] = "Travelling to mainland China" },
                    ["value"] = "{\"topic\":\"travelers\"}",
                }),
            }),
        };
        var click = SlackRequests.BlockActions(Direct, message, (JObject)message["blocks"]![0]!["elements"]![0]!);

        var statuses = await Task.WhenAll(
            SlackRequests.PostAsync(_a.Client, "/api/slack/events", delivery),
            SlackRequests.PostAsync(_b.Client, "/api/slack/events", delivery),
            SlackRequests.PostAsync(_a.Client, "/api/slack/interactions", click, "application/x-www-form-urlencoded"),
            SlackRequests.PostAsync(_b.Client, "/api/slack/interactions", click, "application/x-www-form-urlencoded"));
        Assert.All(statuses, s => Assert.Equal(200, s.Status));

        // A later message of the same conversation to each instance: queued behind anything either still had to answer.
        await SlackRequests.PostAsync(_a.Client, "/api/slack/events", SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), "thanks")).ToString());
        await SlackRequests.PostAsync(_b.Client, "/api/slack/events", SlackRequests.EventCallback(SlackRequests.Message(Direct, SlackRequests.NewTs(), "thanks")).ToString());
        var expected = 4;
        var posts = await _slack.WaitForAsync(expected);
        while (posts.Count(p => p.Json["metadata"] is null) < 2) // until both "thanks" are answered, whatever came before them
        {
            posts = await _slack.WaitForAsync(++expected);
        }

        Assert.Equal(4, posts.Count); // one answer to the question, one to the click, one per "thanks"
        Assert.Single(posts, p => (string?)p.Json["metadata"]?["event_payload"]?["id"] == "personal-paid-vpn");
        Assert.Single(posts, p => (string?)p.Json["metadata"]?["event_payload"]?["id"] == "travelers");
    }
}
