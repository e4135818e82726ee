using ComplianceBot.Bot;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

public sealed class MentionTextTests
{
    private static readonly ChannelAccount Bot = new("28:bot", "Compliance Bot");

    private static Entity Mention(string id, string name, string? text)
    {
        var entity = new Entity("mention");
        entity.Properties["mentioned"] = new JObject { ["id"] = id, ["name"] = name };
        if (text is not null)
        {
            entity.Properties["text"] = text;
        }

        return entity;
    }

    [Theory]
    [InlineData("<at>Compliance Bot</at> is a paid VPN legal?", "is a paid VPN legal?")]
    [InlineData("\r\n<at>Compliance Bot</at>\r\n  is a paid VPN legal?\n", "is a paid VPN legal?")]
    [InlineData("<at>Compliance Bot</at>&nbsp;is a paid VPN legal?", "is a paid VPN legal?")]
    [InlineData("Q&amp;A: <at>Compliance Bot</at> what about &quot;encrypted&quot; apps?", "Q&A: what about \"encrypted\" apps?")]
    public void The_bots_mention_with_text_is_removed_and_teams_entities_decoded(string text, string expected)
    {
        Assert.Equal(expected, MentionText.Clean(text, [Mention("28:bot", "Compliance Bot", "<at>Compliance Bot</at>")], Bot, decodeHtml: true));
    }

    [Fact]
    public void A_two_word_name_split_into_two_tags_is_removed_whole()
    {
        var entities = new[] { Mention("28:bot", "Compliance Bot", "<at>Compliance</at>"), Mention("28:bot", "Compliance Bot", "<at>Bot</at>") };

        Assert.Equal("can I use a VPN?", MentionText.Clean("<at>Compliance</at> <at>Bot</at> can I use a VPN?", entities, Bot, decodeHtml: true));
    }

    [Fact]
    public void A_mention_entity_without_text_still_removes_the_bots_tags()
    {
        Assert.Equal("can I use a VPN?",
            MentionText.Clean("<at>Compliance</at> <at>Bot</at> can I use a VPN?", [Mention("28:bot", "Compliance Bot", null)], Bot, decodeHtml: true));
    }

    [Fact]
    public void A_renamed_bot_tag_without_entity_text_is_removed_by_the_entity_count()
    {
        Assert.Equal("can I use a VPN?", MentionText.Clean("<at>CB</at> can I use a VPN?", [Mention("28:bot", "CB", null)], new ChannelAccount("28:bot"), decodeHtml: true));
    }

    [Fact]
    public void Other_peoples_mentions_stay_as_their_plain_names()
    {
        var entities = new[] { Mention("28:bot", "Compliance Bot", "<at>Compliance Bot</at>"), Mention("29:grace", "Grace Hopper", "<at>Grace Hopper</at>") };

        Assert.Equal("can Grace Hopper use the company line?",
            MentionText.Clean("<at>Compliance Bot</at> can <at>Grace Hopper</at> use the company line?", entities, Bot, decodeHtml: true));
    }

    [Fact]
    public void Text_outside_teams_is_not_html_decoded()
    {
        Assert.Equal("what does &amp; mean", MentionText.Clean("what does &amp; mean", null, Bot, decodeHtml: false));
    }

    [Fact]
    public void Other_peoples_mentions_can_be_kept_as_markup_for_the_unanswered_log()
    {
        const string text = "<at>Compliance Bot</at> ask <at>Bob Jones</at> about tor";
        var entities = new[] { Mention("28:bot", "Compliance Bot", "<at>Compliance Bot</at>") };

        Assert.Equal("ask Bob Jones about tor", MentionText.Clean(text, entities, Bot, decodeHtml: false));
        Assert.Equal("ask <at>Bob Jones</at> about tor", MentionText.Clean(text, entities, Bot, decodeHtml: false, keepOtherMentions: true));
    }

    [Fact]
    public void An_emulator_message_carries_the_marked_up_text_for_the_log()
    {
        var activity = new Activity(ActivityTypes.Message) { ChannelId = "emulator", Text = "<at>Bob Jones</at> what about tor", Recipient = Bot };

        var input = ActivityInput.From(activity);

        Assert.Equal("Bob Jones what about tor", input.Text);
        Assert.Equal("<at>Bob Jones</at> what about tor", input.TypedText);
    }

    [Theory]
    [InlineData("  Is a paid   VPN legal?\r\n", false, "Is a paid VPN legal?")]
    [InlineData("Q&amp;A:&nbsp;is it legal?", true, "Q&A: is it legal?")]
    [InlineData("Q&amp;A: is it legal?", false, "Q&amp;A: is it legal?")]
    public void A_message_without_mentions_is_only_decoded_and_its_whitespace_collapsed(string text, bool decodeHtml, string expected)
    {
        Assert.Equal(expected, MentionText.Clean(text, [new Entity("clientInfo")], Bot, decodeHtml));
    }

    [Fact]
    public void A_message_without_mentions_costs_little_more_than_its_cleaned_text()
    {
        const string text = "Is it illegal for individuals to use paid international VPN services?";
        MentionText.Clean(text, null, Bot, decodeHtml: false); // warm

        var before = GC.GetAllocatedBytesForCurrentThread();
        MentionText.Clean(text, null, Bot, decodeHtml: false);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // No mention lists, bot-name word sets or tag search for a message that has none: 240 bytes here, 1,200 with them.
        Assert.True(allocated < 600, $"{allocated} bytes");
    }
}
