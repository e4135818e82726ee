using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>A decision dialog in a Teams personal chat: hero-card choices clicked (messageBack), a verdict card, and "Start over".</summary>
public sealed class TeamsDialogTests : RecordedHostTest
{
    private RecordingServer Connector => Remote;

    [Fact]
    public async Task Clicking_the_card_choices_reaches_a_verdict_card_whose_start_over_button_restarts_the_check()
    {
        var answers = new Dictionary<string, string> { ["location"] = "mainland-china", ["provider"] = "licensed-operator", ["purpose"] = "work" };
        var conversation = "a:personal-dialog-" + TeamsActivities.NewId();
        await Bot.PostAsync(TeamsActivities.PersonalMessage(Connector.Address, "can i use my vpn", conversation));

        var reply = Connector.Requests[^1].Json;
        while ((string?)reply["value"]?["type"] == "prompt")
        {
            var button = reply["attachments"]!.SelectMany(a => a["content"]!["buttons"]!)
                .Single(b => (string?)b["value"]!["choice"] == answers[(string)reply["value"]!["slot"]!]);
            Assert.Equal("messageBack", (string?)button["type"]);
            var count = Connector.Requests.Count;

            await Bot.PostAsync(TeamsActivities.PersonalMessage(Connector.Address, (string?)button["text"], conversation, button["value"]));

            Assert.True(Connector.Requests.Count > count);
            reply = Connector.Requests[^1].Json;
        }

        Assert.Equal("permitted", (string?)reply["value"]!["verdict"]);
        var card = reply["attachments"]!.Single()["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Contains(card["body"]!.SelectTokens("$..text"), t => (string?)t == "✅ Permitted");
        var startOver = card["actions"]!.Single(a => (string?)a["data"]!["msteams"]!["displayText"] == "Start over");

        // Teams sends an Action.Submit click as a message whose value is the button's data (text as msteams.text says).
        await Bot.PostAsync(TeamsActivities.PersonalMessage(Connector.Address, "Start over", conversation, startOver["data"]));

        var restarted = Connector.Requests[^1].Json;
        Assert.Equal("prompt", (string?)restarted["value"]!["type"]);
        Assert.Equal("personal-vpn-check", (string?)restarted["value"]!["dialog"]);
    }
}
