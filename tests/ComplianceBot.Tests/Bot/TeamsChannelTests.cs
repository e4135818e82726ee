using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// Microsoft Teams through the real endpoint: real-shaped Teams activities are posted to /api/messages without
/// expectReplies, and the bot's replies are read where Teams would receive them, at a local Bot Connector server
/// standing in for the activity's serviceUrl.
/// </summary>
public sealed class TeamsChannelTests : RecordedHostTest
{
    private RecordingServer Connector => Remote;

    [Fact]
    public async Task A_channel_question_mentioning_the_bot_is_answered_in_its_thread_with_markdown_and_a_card_of_buttons()
    {
        var activity = TeamsActivities.ChannelMessage(Connector.Address,
            "<at>Compliance Bot</at> is a paid vpn legal in china?\n", TeamsActivities.BotMention());

        var (status, _) = await Bot.PostAsync(activity);

        Assert.Equal(200, status);
        var call = Assert.Single(Connector.Requests);
        var conversationId = (string)activity["conversation"]!["id"]!;
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{activity["id"]}", call.Path);
        var reply = call.Json;
        Assert.Equal((string?)activity["id"], (string?)reply["replyToId"]);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.Contains("**Sources:**", (string?)reply["text"]);
        Assert.Equal("answer", (string?)reply["value"]!["type"]);
        Assert.Equal("personal-paid-vpn", (string?)reply["value"]!["id"]);
        Assert.Null(reply["suggestedActions"]); // Teams does not show them in channels
        var card = Assert.Single((JArray)reply["attachments"]!);
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)card["contentType"]);
        var buttons = (JArray)card["content"]!["buttons"]!;
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b =>
        {
            Assert.Equal("messageBack", (string?)b["type"]);
            Assert.Equal((string?)b["title"], (string?)b["displayText"]);
            Assert.True(b["value"]!["topic"] is not null || b["value"]!["start"] is not null, b.ToString());
        });
    }

    public static TheoryData<string, string, JObject[]> MentionVariants => new()
    {
        { "CR/LF around the mention", "\r\n<at>Compliance Bot</at>\r\n is a paid vpn legal in china", [TeamsActivities.BotMention()] },
        { "non-breaking space after the mention", "<at>Compliance Bot</at>&nbsp;is a paid vpn legal in china", [TeamsActivities.BotMention()] },
        {
            "two-word name split into two tags", "<at>Compliance</at> <at>Bot</at> is a paid vpn legal in china",
            [TeamsActivities.BotMention("<at>Compliance</at>"), TeamsActivities.BotMention("<at>Bot</at>")]
        },
        { "mention entity without text", "<at>Compliance Bot</at> is a paid vpn legal in china", [TeamsActivities.BotMention(withText: false)] },
        { "mention at the end", "is a paid vpn legal in china <at>Compliance Bot</at>", [TeamsActivities.BotMention()] },
    };

    [Theory]
    [MemberData(nameof(MentionVariants))]
    public async Task Every_mention_variant_reaches_the_matcher_as_just_the_question(string variant, string text, JObject[] mentions)
    {
        var (status, _) = await Bot.PostAsync(TeamsActivities.ChannelMessage(Connector.Address, text, mentions));

        Assert.Equal(200, status);
        var reply = Assert.Single(Connector.Requests).Json;
        Assert.True("personal-paid-vpn" == (string?)reply["value"]?["id"], $"{variant}: got {reply["value"]}");
    }

    [Fact]
    public async Task Another_persons_mention_stays_as_their_plain_name_and_the_question_still_leads()
    {
        var text = "<at>Compliance Bot</at> is it illegal for <at>Grace Hopper</at> to use paid international VPN services?";

        await Bot.PostAsync(TeamsActivities.ChannelMessage(Connector.Address, text, TeamsActivities.BotMention(), TeamsActivities.PersonMention("Grace Hopper")));

        // The name is part of what was said, so the matcher sees it (MentionTextTests pins the exact text); the
        // intended topic must still come first, as the answer or as the first choice offered.
        var value = Assert.Single(Connector.Requests).Json["value"]!;
        var top = (string?)value["type"] == "answer" ? (string?)value["id"] : (string?)value["candidates"]?[0]?["id"];
        Assert.Equal("personal-paid-vpn", top);
    }

    [Fact]
    public async Task A_bare_mention_gets_the_prompt_to_type_a_question_not_the_no_files_reply()
    {
        await Bot.PostAsync(TeamsActivities.ChannelMessage(Connector.Address, "<at>Compliance Bot</at>", TeamsActivities.BotMention()));

        var text = (string?)Assert.Single(Connector.Requests).Json["text"];
        Assert.Contains("Type a question", text); // the text/html copy Teams attaches is not counted as a file
    }

    [Fact]
    public async Task An_image_with_its_html_copy_gets_the_text_only_reply()
    {
        var activity = TeamsActivities.PersonalMessage(Connector.Address, null, "a:personal-" + TeamsActivities.NewId());
        activity["attachments"] = new JArray(
            new JObject { ["contentType"] = "image/png", ["contentUrl"] = "https://smba.example.invalid/img.png", ["name"] = "screenshot.png" },
            new JObject { ["contentType"] = "text/html", ["content"] = "<div><img src=\"x\"></div>" });

        await Bot.PostAsync(activity);

        Assert.Contains("only read text", (string?)Assert.Single(Connector.Requests).Json["text"]);
    }

    public static TheoryData<string, JToken> ButtonValues => new()
    {
        { "hero card messageBack", new JObject { ["topic"] = "travelers" } },
        { "value sent as a JSON string", new JValue("{\"topic\":\"travelers\"}") },
        {
            "Adaptive Card Action.Submit with msteams.messageBack",
            new JObject { ["msteams"] = new JObject { ["type"] = "messageBack", ["value"] = "{\"topic\":\"travelers\"}" } }
        },
    };

    [Theory]
    [MemberData(nameof(ButtonValues))]
    public async Task A_button_click_without_text_is_answered_from_its_value(string shape, JToken value)
    {
        var activity = TeamsActivities.PersonalMessage(Connector.Address, null, "a:personal-" + TeamsActivities.NewId(), value);

        await Bot.PostAsync(activity);

        var reply = Assert.Single(Connector.Requests).Json;
        Assert.True("travelers" == (string?)reply["value"]?["id"], $"{shape}: got {reply["value"]}");
    }

    [Fact]
    public async Task Installing_the_bot_in_a_personal_chat_welcomes_once_even_when_Teams_repeats_the_update()
    {
        var conversation = "a:personal-" + TeamsActivities.NewId();

        await Bot.PostAsync(TeamsActivities.ConversationUpdate(Connector.Address, conversation, "personal", TeamsActivities.BotId));
        await Bot.PostAsync(TeamsActivities.ConversationUpdate(Connector.Address, conversation, "personal", TeamsActivities.BotId));

        var welcome = Assert.Single(Connector.Requests);
        Assert.Contains("I'm ComplianceBot", (string?)welcome.Json["text"]);
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)welcome.Json["attachments"]![0]!["contentType"]);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities", welcome.Path.Split("/activities")[0] + "/activities");
    }

    [Fact]
    public async Task A_new_team_member_is_not_greeted_in_the_channel_but_adding_the_bot_to_the_team_introduces_it_once()
    {
        var conversation = "19:general-" + TeamsActivities.NewId() + "@thread.tacv2";

        await Bot.PostAsync(TeamsActivities.ConversationUpdate(Connector.Address, conversation, "channel", "29:new-colleague"));
        Assert.Empty(Connector.Requests);

        await Bot.PostAsync(TeamsActivities.ConversationUpdate(Connector.Address, conversation, "channel", TeamsActivities.BotId));
        await Bot.PostAsync(TeamsActivities.ConversationUpdate(Connector.Address, conversation, "channel", TeamsActivities.BotId));
        Assert.Contains("I'm ComplianceBot", (string?)Assert.Single(Connector.Requests).Json["text"]);
    }

    [Theory]
    [InlineData("signin/failure")]
    [InlineData("actionableMessage/executeAction")]
    [InlineData("")]
    public async Task An_unhandled_invoke_is_acknowledged_with_200_not_501(string name)
    {
        var (status, _) = await Bot.PostAsync(TeamsActivities.Invoke(Connector.Address, name));

        Assert.Equal(200, status);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task A_task_module_fetch_gets_a_message_in_the_shape_Teams_expects()
    {
        var (status, body) = await Bot.PostAsync(TeamsActivities.Invoke(Connector.Address, "task/fetch"));

        Assert.Equal(200, status);
        Assert.Equal("message", (string?)JObject.Parse(body)["task"]!["type"]);
    }

    [Fact]
    public async Task A_universal_action_button_is_answered_like_a_click_and_acknowledged()
    {
        var value = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = "topic", ["data"] = new JObject { ["topic"] = "travelers" } } };

        var (status, body) = await Bot.PostAsync(TeamsActivities.Invoke(Connector.Address, "adaptiveCard/action", value));

        Assert.Equal(200, status);
        Assert.Equal(200, (int?)JObject.Parse(body)["statusCode"]);
        Assert.Equal("travelers", (string?)Assert.Single(Connector.Requests).Json["value"]!["id"]);
    }
}
