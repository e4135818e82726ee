using System.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComplianceBot.Slack;

/// <summary>
/// Converts the bot's Markdown (CommonMark, parsed with Markdig) to Slack's mrkdwn: <c>**bold**</c> becomes
/// <c>*bold*</c>, <c>*italic*</c>/<c>_italic_</c> become <c>_italic_</c>, <c>~~strike~~</c> becomes <c>~strike~</c>,
/// links become <c>&lt;url|label&gt;</c>, headings bold lines, bullets <c>•</c> (nested lists indented), numbered
/// lists keep their numbers, quotes and code keep Slack's syntax. Literal <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> are
/// escaped as Slack requires.
/// </summary>
public static class Mrkdwn
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras(EmphasisExtraOptions.Strikethrough).Build();

    /// <summary>The mrkdwn for <paramref name="markdown"/>; blocks are separated by blank lines, list items by line breaks.</summary>
    public static string FromMarkdown(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var output = new StringBuilder();
        WriteBlocks(document, output, indent: string.Empty, markdown);
        return output.ToString().Trim();
    }

    /// <summary>Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> in literal text, as Slack requires.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void WriteBlocks(ContainerBlock container, StringBuilder output, string indent, string source)
    {
        Block? previous = null;
        foreach (var block in container)
        {
            if (previous is not null)
            {
                // A list that directly follows its lead-in line stays attached to it, as in the Markdown source.
                var tight = block is ListBlock && previous is ParagraphBlock && !HasBlankLine(source, previous.Span.End, block.Span.Start);
                output.Append(tight ? "\n" : "\n\n");
            }

            WriteBlock(block, output, indent, source);
            previous = block;
        }
    }

    private static void WriteBlock(Block block, StringBuilder output, string indent, string source)
    {
        switch (block)
        {
            case HeadingBlock heading:
                output.Append(indent).Append('*').Append(Inlines(heading.Inline)).Append('*');
                break;
            case ParagraphBlock paragraph:
                output.Append(indent).Append(Inlines(paragraph.Inline).Replace("\n", "\n" + indent, StringComparison.Ordinal));
                break;
            case ListBlock list:
                WriteList(list, output, indent, source);
                break;
            case QuoteBlock quote:
                var inner = new StringBuilder();
                WriteBlocks(quote, inner, string.Empty, source);
                output.Append(string.Join("\n", inner.ToString().Split('\n').Select(line => indent + "> " + line)));
                break;
            case FencedCodeBlock or CodeBlock:
                var code = (LeafBlock)block;
                output.Append(indent).Append("```\n").Append(Escape(code.Lines.ToString())).Append("\n```");
                break;
            case ThematicBreakBlock:
                output.Append(indent).Append("———");
                break;
            case LeafBlock leaf:
                output.Append(indent).Append(Escape(leaf.Lines.ToString()));
                break;
            case ContainerBlock other:
                WriteBlocks(other, output, indent, source);
                break;
        }
    }

    private static void WriteList(ListBlock list, StringBuilder output, string indent, string source)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        var first = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (!first)
            {
                output.Append('\n');
            }

            first = false;
            var marker = list.IsOrdered ? $"{number++}. " : "• ";
            var body = new StringBuilder();
            WriteBlocks(item, body, string.Empty, source);
            var lines = body.ToString().Split('\n');
            output.Append(indent).Append(marker).Append(lines[0]);
            foreach (var line in lines.Skip(1))
            {
                output.Append('\n').Append(line.Length == 0 ? string.Empty : indent + "    " + line);
            }
        }
    }

    private static bool HasBlankLine(string source, int from, int to)
    {
        var between = source.AsSpan(Math.Clamp(from + 1, 0, source.Length), Math.Max(0, Math.Min(to, source.Length) - Math.Clamp(from + 1, 0, source.Length)));
        var newlines = 0;
        foreach (var ch in between)
        {
            if (ch == '\n' && ++newlines > 1)
            {
                return true;
            }
        }

        return false;
    }

    private static string Inlines(ContainerInline? container)
    {
        var output = new StringBuilder();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            WriteInline(inline, output);
        }

        return output.ToString();
    }

    private static void WriteInline(Inline inline, StringBuilder output)
    {
        switch (inline)
        {
            case LiteralInline literal:
                output.Append(Escape(literal.Content.ToString()));
                break;
            case EmphasisInline emphasis:
                var mark = emphasis.DelimiterChar == '~' ? "~" : emphasis.DelimiterCount >= 2 ? "*" : "_";
                output.Append(mark).Append(Inlines(emphasis)).Append(mark);
                break;
            case CodeInline code:
                output.Append('`').Append(Escape(code.Content)).Append('`');
                break;
            case AutolinkInline autolink:
                output.Append('<').Append(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url).Append('>');
                break;
            case LinkInline { IsImage: false } link:
                var label = Inlines(link);
                output.Append('<').Append(link.Url).Append('|').Append(label.Replace("|", "¦", StringComparison.Ordinal)).Append('>');
                break;
            case LinkInline image:
                output.Append(Inlines(image));
                break;
            case LineBreakInline:
                output.Append('\n');
                break;
            case HtmlEntityInline entity:
                output.Append(Escape(entity.Transcoded.ToString()));
                break;
            case HtmlInline html:
                output.Append(Escape(html.Tag));
                break;
            case ContainerInline nested:
                output.Append(Inlines(nested));
                break;
        }
    }
}
