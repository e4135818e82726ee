using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Slack;

/// <summary>A decision dialog in a Slack thread: started by a mention, continued by Block Kit button clicks, ended by a verdict.</summary>
public sealed class SlackDialogTests : RecordedHostTest
{
    private const string Channel = "C0COMPLIAN";

    private RecordingServer SlackApi => Remote;

    protected override IDictionary<string, string?> Settings(Uri remote) => SlackRequests.Settings(remote);

    private List<RecordingServer.Request> Posts() => SlackApi.Requests.Where(r => r.Path == "/chat.postMessage").ToList();

    [Fact]
    public async Task Button_clicks_continue_the_dialog_in_the_thread_until_the_verdict()
    {
        var answers = new Dictionary<string, string> { ["location"] = "mainland-china", ["provider"] = "unlicensed-service", ["purpose"] = "work" };
        var thread = SlackRequests.NewTs();
        await SlackRequests.PostAsync(Bot.Client, "/api/slack/events",
            SlackRequests.EventCallback(SlackRequests.AppMention(Channel, thread, $"<@{SlackRequests.BotUserId}> can i use my vpn")).ToString());

        await SlackApi.WaitForAsync(1);
        var clicked = new List<string>();
        while ((string?)Posts()[^1].Json["metadata"]?["event_payload"]?["type"] == "prompt")
        {
            var prompt = Posts()[^1];
            var slot = (string)prompt.Json["metadata"]!["event_payload"]!["slot"]!;
            var button = prompt.Json["blocks"]!.Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!)
                .Single(e => JObject.Parse((string)e["value"]!)["choice"]?.ToString() == answers[slot]);
            var message = new JObject
            {
                ["type"] = "message", ["bot_id"] = "B0COMPLIAN", ["text"] = prompt.Json["text"], ["blocks"] = prompt.Json["blocks"],
                ["ts"] = $"1700000000.{prompt.Index:D6}", ["thread_ts"] = thread,
            };

            var before = SlackApi.Requests.Count;
            var (status, _) = await SlackRequests.PostAsync(Bot.Client, "/api/slack/interactions",
                SlackRequests.BlockActions(Channel, message, (JObject)button), "application/x-www-form-urlencoded");

            Assert.Equal(200, status);
            clicked.Add(slot);
            var after = await SlackApi.WaitForAsync(before + 2); // chat.update of the prompt, then the next message
            Assert.Contains(after, r => r.Path == "/chat.update" && (string?)r.Json["ts"] == $"1700000000.{prompt.Index:D6}");
        }

        var calls = Posts();
        Assert.Contains("location", clicked);
        Assert.Contains("provider", clicked);
        Assert.All(calls, c => Assert.Equal(thread, (string?)c.Json["thread_ts"]));
        var verdict = calls[^1].Json;
        Assert.Equal("verdict", (string?)verdict["metadata"]!["event_payload"]!["type"]);
        Assert.Equal("not-permitted", (string?)verdict["metadata"]!["event_payload"]!["verdict"]);
        Assert.Equal("unlicensed-service", (string?)verdict["metadata"]!["event_payload"]!["facts"]!["provider"]);
        Assert.Equal("header", (string?)verdict["blocks"]![0]!["type"]);
        Assert.Equal("Can I use this VPN?", (string?)verdict["blocks"]![0]!["text"]!["text"]);
        Assert.StartsWith("⛔ *Not permitted*", (string?)verdict["blocks"]![1]!["text"]!["text"]);
    }
}
