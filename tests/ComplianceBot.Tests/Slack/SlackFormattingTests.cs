using ComplianceBot.Slack;
using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Slack;

/// <summary>Slack markup in, mrkdwn and Block Kit out.</summary>
public sealed class SlackFormattingTests
{
    [Theory]
    [InlineData("<@U0BOT> is a paid VPN legal?", "is a paid VPN legal?")]
    [InlineData("<@U0BOT|compliancebot> hi", "hi")]
    [InlineData("ask <@U0GRACE|grace> about <#C0GEN|general> <!here>", "ask @grace about #general")]
    [InlineData("cc <@U0GRACE> please", "cc please")]
    [InlineData("see <https://intranet.example.com/vpn|the VPN policy> and <https://example.com>", "see the VPN policy and https://example.com")]
    [InlineData("mail <mailto:legal@example.com|legal@example.com>", "mail legal@example.com")]
    [InlineData("Q&amp;A: is &lt;VPN&gt; ok? &amp;lt; stays", "Q&A: is <VPN> ok? &lt; stays")]
    [InlineData("<!subteam^S0LEGAL|@legal-team> what about <!date^1392734382^{date}|Feb 18, 2014>?", "@legal-team what about Feb 18, 2014 ?")]
    [InlineData("  spread\n\nover\tlines  ", "spread over lines")]
    public void Slack_markup_becomes_plain_text(string text, string expected)
    {
        Assert.Equal(expected, SlackMarkup.ToPlainText(text, "U0BOT"));
    }

    [Fact]
    public void Markdown_becomes_mrkdwn()
    {
        const string markdown = "**No: not allowed.** Paying *changes nothing* & <b>.\n- one [policy](https://example.com/p)\n- two `code`\n\n1. first\n2. ~~second~~\n\n## Next";

        Assert.Equal(
            "*No: not allowed.* Paying _changes nothing_ &amp; &lt;b&gt;.\n• one <https://example.com/p|policy>\n• two `code`\n\n1. first\n2. ~second~\n\n*Next*",
            Mrkdwn.FromMarkdown(markdown));
    }

    [Fact]
    public void A_prompt_is_a_section_and_a_button_per_choice_carrying_slot_and_choice()
    {
        var message = SlackRenderer.ToMessage(SampleReplies.Prompt());

        var blocks = message["blocks"]!.AsArray();
        Assert.Equal("section", (string?)blocks[0]!["type"]);
        Assert.Equal("Who provides the VPN or connection you want to use?", (string?)blocks[0]!["text"]!["text"]);
        var buttons = blocks[1]!["elements"]!.AsArray();
        Assert.Equal(4, buttons.Count);
        Assert.Equal("My employer's approved channel", (string?)buttons[1]!["text"]!["text"]);
        Assert.Equal("{\"slot\":\"provider\",\"choice\":\"employer-channel\"}", (string?)buttons[1]!["value"]);
        Assert.Equal("prompt", (string?)message["metadata"]!["event_payload"]!["type"]);
    }

    [Fact]
    public void A_verdict_is_a_header_the_verdict_the_facts_as_fields_the_reason_next_steps_sources_and_buttons()
    {
        var message = SlackRenderer.ToMessage(SampleReplies.Verdict());

        var blocks = message["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "section", "section", "section", "context", "context", "actions"], blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("Can I use this VPN?", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("⛔ *Not permitted*\nThis connection is an unauthorized channel.", (string?)blocks[1]!["text"]!["text"]);
        Assert.Equal("*Provider*\nA third-party VPN service", (string?)blocks[2]!["fields"]![1]!["text"]);
        Assert.Equal("*Next steps*\n1. Stop using the service.\n2. Use a licensed operator's international service or your employer's approved channel.",
            (string?)blocks[4]!["text"]!["text"]);
        Assert.Equal("⛔ Not permitted: This connection is an unauthorized channel.", (string?)message["text"]);
        Assert.Equal("not-permitted", (string?)message["metadata"]!["event_payload"]!["verdict"]);
        Assert.Equal("Start over", (string?)blocks[7]!["elements"]![1]!["text"]!["text"]);
    }
}
