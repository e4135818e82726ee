using System.Text.RegularExpressions;

namespace ComplianceBot.Tests.Docs;

/// <summary>One line of a fenced block, with its 1-based line number in the Markdown file.</summary>
public sealed record DocLine(int Number, string Text);

/// <summary>
/// A fenced code block of a Markdown file: its language (<c>console</c>, <c>sh</c>, <c>yaml</c>, ...), its lines with
/// the fence's indentation removed, and the doc-test instruction written in an HTML comment on the line before the
/// opening fence (<c>&lt;!-- doc-test: file /tmp/kq/topics/x.yaml --&gt;</c>), if any.
/// </summary>
public sealed record MarkdownBlock(string File, int Line, string Language, IReadOnlyList<DocLine> Lines, string? Instruction)
{
    /// <summary>Where the block is, for failure messages: <c>docs/authoring.md, block at line 42</c>.</summary>
    public string Where => $"{File}, block at line {Line}";
}

/// <summary>Reads the fenced code blocks of a Markdown file.</summary>
public static partial class MarkdownBlocks
{
    /// <summary>The fenced blocks of <paramref name="markdown"/> in order; <paramref name="file"/> names it in messages.</summary>
    public static IReadOnlyList<MarkdownBlock> Read(string file, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var blocks = new List<MarkdownBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var instruction = InstructionBefore(lines, i);
            var body = new List<DocLine>();
            var j = i + 1;
            for (; j < lines.Length && !IsClosingFence(lines[j]); j++)
            {
                var text = lines[j];
                body.Add(new DocLine(j + 1, text.Length >= indent && text[..indent].Trim().Length == 0 ? text[indent..] : text.TrimStart()));
            }

            blocks.Add(new MarkdownBlock(file, i + 1, open.Groups["lang"].Value, body, instruction));
            i = j;
        }

        return blocks;
    }

    private static bool IsClosingFence(string line) => line.Trim() == "```";

    private static string? InstructionBefore(string[] lines, int fence)
    {
        for (var k = fence - 1; k >= 0; k--)
        {
            if (lines[k].Trim().Length == 0)
            {
                continue;
            }

            var match = Instruction().Match(lines[k]);
            return match.Success ? match.Groups["what"].Value.Trim() : null;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<indent>\s*)```(?<lang>[A-Za-z0-9_-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*doc-test:(?<what>.*?)-->\s*$")]
    private static partial Regex Instruction();
}
