using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceBot.Bot;
using ComplianceBot.Bot.Rendering;
using ComplianceBot.Bot.Teams;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Text;
using ComplianceBot.Slack;
using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>How dialog prompts, verdicts and long answers look in Teams and in Web Chat (hand-built replies).</summary>
public sealed class ChannelRenderingTests
{
    [Fact]
    public void A_teams_prompt_is_its_question_with_a_card_of_messageBack_choices_carrying_slot_and_choice()
    {
        var activity = Assert.Single(new TeamsRenderer().Render(SampleReplies.Prompt()));

        Assert.Equal("Who provides the VPN or connection you want to use?", activity.Text);
        Assert.Equal("prompt", (string?)((JObject)activity.Value)["type"]);
        Assert.Equal("provider", (string?)((JObject)activity.Value)["slot"]);
        var buttons = JObject.FromObject(Assert.Single(activity.Attachments).Content)["buttons"]!;
        Assert.Equal(4, buttons.Count());
        Assert.Equal("messageBack", (string?)buttons[0]!["type"]);
        Assert.Equal("A licensed Chinese operator", (string?)buttons[0]!["displayText"]);
        Assert.Equal(new JObject { ["slot"] = "provider", ["choice"] = "licensed-operator" }, buttons[0]!["value"]);
    }

    [Fact]
    public void A_teams_verdict_is_an_adaptive_card_with_the_verdict_facts_reason_next_steps_sources_and_submit_buttons()
    {
        var activity = Assert.Single(new TeamsRenderer().Render(SampleReplies.Verdict()));

        Assert.Null(activity.Text);
        Assert.Equal("Not permitted: This connection is an unauthorized channel.", activity.Summary);
        Assert.Equal("verdict", (string?)((JObject)activity.Value)["type"]);
        var attachment = Assert.Single(activity.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = (JObject)attachment.Content;
        Assert.Equal("1.5", (string?)card["version"]);
        var body = (JArray)card["body"]!;
        var texts = body.SelectTokens("$..text").Select(t => (string?)t).ToList();
        Assert.Contains("Can I use this VPN?", texts);
        Assert.Contains("⛔ Not permitted", texts);
        Assert.Contains("This connection is an unauthorized channel.", texts);
        Assert.Contains("1. Stop using the service.\r2. Use a licensed operator's international service or your employer's approved channel.", texts);
        Assert.Contains(texts, t => t!.StartsWith("Sources: Interim Provisions on International Networking, Art. 6"));
        Assert.Equal("attention", (string?)body[1]!["style"]);
        var facts = body.First(b => (string?)b["type"] == "FactSet")["facts"]!;
        Assert.Equal(["Where", "Provider", "Purpose"], facts.Select(f => (string)f["title"]!));
        Assert.Equal("A third-party VPN service", (string?)facts[1]!["value"]);
        var actions = (JArray)card["actions"]!;
        Assert.Equal(["Change an answer", "Start over"], actions.Select(a => (string)a["title"]!));
        Assert.Equal("Action.Submit", (string?)actions[1]!["type"]);
        Assert.Equal("personal-vpn-check", (string?)actions[1]!["data"]!["start"]);
        Assert.Equal("messageBack", (string?)actions[1]!["data"]!["msteams"]!["type"]);
        Assert.Equal("Start over", (string?)actions[1]!["data"]!["msteams"]!["displayText"]);
    }

    [Fact]
    public void A_web_chat_verdict_is_the_card_with_its_buttons_as_suggested_actions()
    {
        var activity = Assert.Single(new WebChatRenderer().Render(SampleReplies.Verdict()));

        Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(activity.Attachments).ContentType);
        Assert.Null(((JObject)activity.Attachments[0].Content)["actions"]);
        Assert.Equal(["Change an answer", "Start over"], activity.SuggestedActions.Actions.Select(a => a.Title));
        Assert.Equal("verdict", (string?)((JObject)activity.Value)["type"]);
    }

    [Fact]
    public void A_console_verdict_stays_complete_markdown()
    {
        var activity = Assert.Single(new DefaultRenderer().Render(SampleReplies.Verdict()));

        Assert.StartsWith("**Not permitted:**", activity.Text);
        Assert.Contains("**Sources:** Interim Provisions on International Networking, Art. 6", activity.Text);
        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void A_long_teams_answer_is_split_under_the_size_limit_with_the_buttons_on_the_last_part()
    {
        var paragraphs = Enumerable.Range(1, 400).Select(i => $"Paragraph {i}: the licensed operators' international services stay lawful; 中文 {i}。");
        var reply = new BotReply
        {
            Kind = ReplyKind.Answer,
            Language = Core.Text.Language.English,
            Text = string.Join("\n\n", paragraphs),
            Actions = [ReplyAction.ForTopic("Travellers", "travelers")],
            Value = new FallbackValue(),
        };

        var activities = new TeamsRenderer(maxTextBytes: 4000).Render(reply);

        Assert.True(activities.Count > 1);
        Assert.All(activities, a => Assert.True(Encoding.UTF8.GetByteCount(a.Text) <= 4000));
        Assert.All(activities, a => Assert.Equal("fallback", (string?)((JObject)a.Value)["type"]));
        Assert.Equal(ActivityRenderer.ToMarkdown(reply), string.Join("\n\n", activities.Select(a => a.Text)));
        Assert.All(activities.SkipLast(1), a => Assert.Null(a.Attachments));
        Assert.Single(activities[^1].Attachments);
    }

    [Fact]
    public void A_paragraph_longer_than_the_limit_is_cut_between_words_then_characters_without_breaking_surrogates()
    {
        var text = string.Concat(Enumerable.Repeat("😀x", 40)) + " " + new string('a', 50);

        var parts = MessageSplitter.Split(text, 32);

        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 32));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text.Replace(" ", string.Empty), string.Concat(parts));
    }

    [Theory]
    [InlineData(Language.English, "Ask in your own words, e.g. \"公司专线可以转租吗\" 或 \"个人用付费VPN违法吗\"。", "Sources", "出处")]
    [InlineData(Language.Chinese, "可以：use a licensed operator's international service (China Telecom, China Unicom).", "出处", "Sources")]
    public void The_sources_heading_follows_the_reply_language_not_the_language_its_text_looks_like(
        Language language, string text, string expected, string unexpected)
    {
        var reply = new BotReply
        {
            Kind = ReplyKind.Answer,
            Language = language,
            Text = text,
            Sources = [new SourceLine("interim-provisions-international-networking", "Interim Provisions, Art. 6", true)],
        };

        var markdown = ActivityRenderer.ToMarkdown(reply); // Teams, web chat and console text
        var slack = SlackRenderer.ToMessage(reply).ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains($"**{expected}:**", markdown);
        Assert.DoesNotContain(unexpected + ":", markdown);
        Assert.Contains($"*{expected}:*", slack);
        Assert.DoesNotContain(unexpected + ":", slack);
    }

    [Fact]
    public void A_verdict_card_is_labelled_in_the_reply_language()
    {
        var english = (JObject)VerdictCard.ToAttachment(VerdictCard.Build(SampleReplies.Verdict(), includeActions: false, teamsMessageBack: false)).Content;
        var chinese = (JObject)VerdictCard.ToAttachment(VerdictCard.Build(SampleReplies.Verdict() with { Language = Language.Chinese },
            includeActions: false, teamsMessageBack: false)).Content;

        var englishTexts = english.SelectTokens("$..text").Select(t => (string?)t).ToList();
        var chineseTexts = chinese.SelectTokens("$..text").Select(t => (string?)t).ToList();
        Assert.Contains("⛔ Not permitted", englishTexts);
        Assert.Contains("Based on", englishTexts);
        Assert.Contains("⛔ 不允许", chineseTexts); // the sample's text is English: the language is not guessed from it
        Assert.Contains("依据的情况", chineseTexts);
    }
}
