using ComplianceBot.Cli;

namespace ComplianceBot.Tests.Cli;

/// <summary>The bot's Markdown in a terminal: styles in an interactive terminal, plain words otherwise, never Markdown signs.</summary>
public sealed class TerminalMarkdownTests
{
    private const string Answer = "**Yes: keep network logs** for at least *six months*.\n- Filing: see `Art. 12`\n- Logs: [the law](https://example.com/csl)\n\n1. first\n2. second";

    [Fact]
    public void Without_styles_the_text_has_no_markdown_signs_and_lists_get_bullets_and_numbers()
    {
        var text = TerminalMarkdown.Render(Answer, styles: false);

        Assert.Equal(
            "Yes: keep network logs for at least six months.\n  • Filing: see Art. 12\n  • Logs: the law (https://example.com/csl)\n\n  1. first\n  2. second",
            text);
    }

    [Fact]
    public void With_styles_bold_italics_and_code_are_terminal_styles()
    {
        var text = TerminalMarkdown.Render(Answer, styles: true);

        Assert.StartsWith("\u001b[1mYes: keep network logs\u001b[22m for at least \u001b[3msix months\u001b[23m.", text);
        Assert.Contains("  • Filing: see \u001b[36mArt. 12\u001b[39m", text);
        Assert.DoesNotContain("*", text);
        Assert.DoesNotContain("`", text);
    }

    [Fact]
    public void A_nested_list_is_indented_under_its_item()
    {
        var text = TerminalMarkdown.Render("- outer\n  - inner", styles: false);

        Assert.Equal("  • outer\n      • inner", text);
    }
}
