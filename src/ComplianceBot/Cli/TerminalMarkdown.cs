using System.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComplianceBot.Cli;

/// <summary>
/// Renders the bot's Markdown (CommonMark, parsed with Markdig) for a terminal: no Markdown signs are printed.
/// With styles (an interactive terminal), bold, italics, strike-through and headings become ANSI styles and code is
/// shown in cyan; without (output redirected, <c>NO_COLOR</c> set), they are plain text. Lists get <c>•</c> bullets
/// (numbered lists keep their numbers, nested lists are indented), quotes a <c>│</c> bar, links "label (url)".
/// </summary>
public static class TerminalMarkdown
{
    private const string Bold = "\u001b[1m", NotBold = "\u001b[22m";
    private const string Italic = "\u001b[3m", NotItalic = "\u001b[23m";
    private const string Strike = "\u001b[9m", NotStrike = "\u001b[29m";
    private const string Cyan = "\u001b[36m", DefaultColour = "\u001b[39m";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras(EmphasisExtraOptions.Strikethrough).Build();

    /// <summary>The terminal text of <paramref name="markdown"/>; blocks are separated by blank lines, list items by line breaks.</summary>
    /// <param name="markdown">The text as the bot wrote it.</param>
    /// <param name="styles">Whether to use ANSI styles (for an interactive terminal).</param>
    public static string Render(string markdown, bool styles)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var output = new StringBuilder();
        new Writer(styles, markdown).Blocks(document, output);
        return output.ToString().TrimEnd().TrimStart('\n');
    }

    private sealed class Writer(bool styles, string source)
    {
        public void Blocks(ContainerBlock container, StringBuilder output)
        {
            Block? previous = null;
            foreach (var block in container)
            {
                if (previous is not null)
                {
                    // A list that directly follows its lead-in line stays attached to it, as in the Markdown source.
                    var tight = block is ListBlock && previous is ParagraphBlock && !HasBlankLine(previous.Span.End, block.Span.Start);
                    output.Append(tight ? "\n" : "\n\n");
                }

                Block(block, output);
                previous = block;
            }
        }

        private void Block(Block block, StringBuilder output)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    output.Append(Styled(Bold, Inlines(heading.Inline), NotBold));
                    break;
                case ParagraphBlock paragraph:
                    output.Append(Inlines(paragraph.Inline));
                    break;
                case ListBlock list:
                    List(list, output);
                    break;
                case QuoteBlock quote:
                    Indented(quote, output, "│ ", "│ ");
                    break;
                case FencedCodeBlock or CodeBlock:
                    var code = ((LeafBlock)block).Lines.ToString().TrimEnd();
                    output.Append(string.Join('\n', code.Split('\n').Select(line => "    " + Styled(Cyan, line.TrimEnd('\r'), DefaultColour))));
                    break;
                case ThematicBreakBlock:
                    output.Append("────────");
                    break;
                case LeafBlock leaf:
                    output.Append(leaf.Lines.ToString());
                    break;
                case ContainerBlock other:
                    Blocks(other, output);
                    break;
            }
        }

        private void List(ListBlock list, StringBuilder output)
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
                Indented(item, output, "  " + marker, new string(' ', 2 + marker.Length));
            }
        }

        // Writes a container's blocks with the first line after firstPrefix and every other non-empty line after prefix.
        private void Indented(ContainerBlock container, StringBuilder output, string firstPrefix, string prefix)
        {
            var body = new StringBuilder();
            Blocks(container, body);
            var lines = body.ToString().Split('\n');
            output.Append(firstPrefix).Append(lines[0]);
            foreach (var line in lines.Skip(1))
            {
                output.Append('\n').Append(line.Length == 0 ? string.Empty : prefix + line);
            }
        }

        private bool HasBlankLine(int from, int to)
        {
            var start = Math.Clamp(from + 1, 0, source.Length);
            var between = source.AsSpan(start, Math.Max(0, Math.Min(to, source.Length) - start));
            return between.Count('\n') > 1;
        }

        private string Inlines(ContainerInline? container)
        {
            var output = new StringBuilder();
            for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                Inline(inline, output);
            }

            return output.ToString();
        }

        private void Inline(Inline inline, StringBuilder output)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    output.Append(literal.Content.ToString());
                    break;
                case EmphasisInline { DelimiterChar: '~' } strike:
                    output.Append(Styled(Strike, Inlines(strike), NotStrike));
                    break;
                case EmphasisInline emphasis:
                    output.Append(emphasis.DelimiterCount >= 2 ? Styled(Bold, Inlines(emphasis), NotBold) : Styled(Italic, Inlines(emphasis), NotItalic));
                    break;
                case CodeInline code:
                    output.Append(Styled(Cyan, code.Content, DefaultColour));
                    break;
                case AutolinkInline autolink:
                    output.Append(autolink.Url);
                    break;
                case LinkInline { IsImage: false } link:
                    var label = Inlines(link);
                    output.Append(label == link.Url || string.IsNullOrEmpty(link.Url) ? label : $"{label} ({link.Url})");
                    break;
                case LinkInline image:
                    output.Append(Inlines(image));
                    break;
                case LineBreakInline:
                    output.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    output.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    output.Append(html.Tag);
                    break;
                case ContainerInline nested:
                    output.Append(Inlines(nested));
                    break;
            }
        }

        private string Styled(string on, string text, string off) => styles ? on + text + off : text;
    }
}
