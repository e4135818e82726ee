using ComplianceBot.Bot;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Tests.Bot;

/// <summary>The Markdown text of a reply in Teams, web chat and the console, built without waste.</summary>
public sealed class ActivityRendererTests
{
    private static BotReply LongAnswer() => new()
    {
        Kind = ReplyKind.Answer,
        Language = Language.English,
        Text = "  " + string.Join(" ", Enumerable.Repeat("A paid VPN is an unauthorised channel unless its provider holds a licence.", 40)) + "\n",
        Sources =
        [
            new SourceLine("interim-provisions-international-networking", "Interim Provisions on International Networking, Art. 6", true),
            new SourceLine("cybersecurity-law", "Cybersecurity Law, Art. 27", false),
        ],
        Footer = "  General guidance, not legal advice. As of 2026-11-29 ",
    };

    [Fact]
    public void The_markdown_is_the_trimmed_text_then_the_sources_then_the_footer_in_italics()
    {
        var reply = LongAnswer();

        var markdown = ActivityRenderer.ToMarkdown(reply);

        Assert.Equal(reply.Text.Trim()
                     + "\n\n**Sources:** Interim Provisions on International Networking, Art. 6; Cybersecurity Law, Art. 27"
                     + "\n\n_General guidance, not legal advice. As of 2026-11-29_", markdown);
        Assert.Equal("Just this.", ActivityRenderer.ToMarkdown(new BotReply { Kind = ReplyKind.Notice, Language = Language.English, Text = " Just this. ", Footer = "  " }));
    }

    [Fact]
    public void The_markdown_of_a_long_answer_allocates_little_more_than_the_text_itself()
    {
        var reply = LongAnswer();
        var length = ActivityRenderer.ToMarkdown(reply).Length; // warm

        var before = GC.GetAllocatedBytesForCurrentThread();
        ActivityRenderer.ToMarkdown(reply);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The string (2 bytes a character) and not much else: 6,300 bytes here; a StringBuilder grown from the text and copied out took 24,900.
        Assert.True(allocated < 2 * length * 1.3, $"{allocated} bytes for {length} characters");
    }
}
