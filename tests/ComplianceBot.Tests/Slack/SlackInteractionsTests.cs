using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Slack;

/// <summary>Block Kit button clicks come back through the interactivity route and continue the conversation in its thread.</summary>
public sealed class SlackInteractionsTests : RecordedHostTest
{
    private const string Channel = "C0COMPLIAN";
    private const string Interactions = "/api/slack/interactions";

    private RecordingServer SlackApi => Remote;

    protected override IDictionary<string, string?> Settings(Uri remote) => SlackRequests.Settings(remote);

    [Fact]
    public async Task Clicking_a_related_topic_button_answers_that_topic_in_the_same_thread()
    {
        var thread = SlackRequests.NewTs();
        await SlackRequests.PostAsync(Bot.Client, "/api/slack/events", SlackRequests.EventCallback(
            SlackRequests.AppMention(Channel, thread, $"<@{SlackRequests.BotUserId}> is a paid vpn legal in china?")).ToString());
        var answer = Assert.Single(await SlackApi.WaitForAsync(1)).Json;
        var button = (JObject)answer["blocks"]!.Last()["elements"]![0]!;

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Interactions,
            SlackRequests.BlockActions(Channel, BotMessage(answer, "1732875699.000100", thread), button), "application/x-www-form-urlencoded");

        Assert.Equal(200, status);
        var reply = (await SlackApi.WaitForAsync(2))[1].Json;
        Assert.Equal(Channel, (string?)reply["channel"]);
        Assert.Equal(thread, (string?)reply["thread_ts"]);
        Assert.Equal(JObject.Parse((string)button["value"]!)["topic"], reply["metadata"]!["event_payload"]!["id"]);
        Assert.DoesNotContain("not legal advice", reply.ToString()); // the same conversation: the notice was shown with the first answer
    }

    [Fact]
    public async Task Clicking_a_dialog_choice_replaces_the_prompts_buttons_with_the_choice_before_answering()
    {
        var prompt = JObject.Parse(ComplianceBot.Slack.SlackRenderer.ToMessage(SampleReplies.Prompt()).ToJsonString());
        var thread = SlackRequests.NewTs();
        var message = new JObject
        {
            ["type"] = "message", ["bot_id"] = "B0COMPLIAN", ["text"] = prompt["text"], ["blocks"] = prompt["blocks"],
            ["ts"] = "1732875699.000200", ["thread_ts"] = thread,
        };
        var button = (JObject)prompt["blocks"]!.Single(b => (string?)b["type"] == "actions")["elements"]![1]!;

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Interactions, SlackRequests.BlockActions(Channel, message, button),
            "application/x-www-form-urlencoded");

        Assert.Equal(200, status);
        var calls = await SlackApi.WaitForAsync(2);
        Assert.Equal("/chat.update", calls[0].Path);
        Assert.Equal("Bearer " + SlackRequests.BotToken, calls[0].Header("Authorization"));
        var update = calls[0].Json;
        Assert.Equal(Channel, (string?)update["channel"]);
        Assert.Equal("1732875699.000200", (string?)update["ts"]);
        Assert.Equal(["section", "context"], update["blocks"]!.Select(b => (string)b["type"]!));
        Assert.Equal($"✓ <@{SlackRequests.UserId}> chose *My employer's approved channel*", (string?)update["blocks"]![1]!["elements"]![0]!["text"]);
        Assert.Equal("/chat.postMessage", calls[1].Path);
        Assert.Equal(thread, (string?)calls[1].Json["thread_ts"]);
    }

    [Fact]
    public async Task A_tampered_interaction_is_refused_with_401()
    {
        var button = new JObject { ["action_id"] = "compliancebot-0", ["text"] = new JObject { ["type"] = "plain_text", ["text"] = "Travellers" }, ["value"] = "{\"topic\":\"travelers\"}" };
        var body = SlackRequests.BlockActions(Channel, new JObject { ["ts"] = SlackRequests.NewTs(), ["type"] = "message" }, button);

        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Interactions, body, "application/x-www-form-urlencoded",
            tamper: b => b.Replace("travelers", "personal-paid-vpn"));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task An_interaction_without_a_payload_field_gets_400()
    {
        var (status, _) = await SlackRequests.PostAsync(Bot.Client, Interactions, "foo=bar", "application/x-www-form-urlencoded");

        Assert.Equal(400, status);
    }

    /// <summary>The bot's message as Slack returns it in a block_actions payload: its blocks, ts and thread.</summary>
    private static JObject BotMessage(JObject posted, string ts, string threadTs) => new()
    {
        ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0COMPLIAN", ["text"] = posted["text"], ["ts"] = ts,
        ["thread_ts"] = threadTs, ["blocks"] = posted["blocks"],
    };
}
