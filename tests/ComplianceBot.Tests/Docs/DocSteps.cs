namespace ComplianceBot.Tests.Docs;

/// <summary>Something a document asks the reader to do, in document order.</summary>
public abstract record DocStep(MarkdownBlock Block, int Line)
{
    /// <summary>Where the step is, for failure messages.</summary>
    public string Where => $"{Block.Where} (line {Line})";
}

/// <summary>
/// A command shown in a <c>console</c> block (<c>$ command</c>, then the output it prints) or an <c>sh</c> block
/// (commands only). <see cref="Expected"/> is null when the document shows no output.
/// </summary>
public sealed record CommandStep(MarkdownBlock Block, int Line, string Command, IReadOnlyList<DocLine>? Expected) : DocStep(Block, Line);

/// <summary>A block the reader writes into a file (<c>&lt;!-- doc-test: file PATH --&gt;</c> before it).</summary>
public sealed record FileStep(MarkdownBlock Block, int Line, string Path, string Content) : DocStep(Block, Line);

/// <summary>Turns a document's fenced blocks into the steps the doc test carries out.</summary>
public static class DocSteps
{
    /// <summary>Languages whose blocks hold commands.</summary>
    public static readonly string[] CommandLanguages = ["console", "sh", "bash", "shell"];

    /// <summary>The steps of <paramref name="blocks"/>; throws <see cref="FormatException"/> naming the block for a block that cannot be read.</summary>
    public static IReadOnlyList<DocStep> Of(IEnumerable<MarkdownBlock> blocks)
    {
        var steps = new List<DocStep>();
        foreach (var block in blocks)
        {
            if (block.Instruction is { } instruction && instruction.StartsWith("file ", StringComparison.Ordinal))
            {
                steps.Add(new FileStep(block, block.Line, instruction["file ".Length..].Trim(),
                    string.Join('\n', block.Lines.Select(l => l.Text)) + "\n"));
            }
            else if (block.Language == "console")
            {
                steps.AddRange(Console(block));
            }
            else if (CommandLanguages.Contains(block.Language))
            {
                steps.AddRange(Script(block));
            }
            else if (block.Lines.FirstOrDefault(l => l.Text.StartsWith("$ ", StringComparison.Ordinal) || l.Text.StartsWith("dotnet ", StringComparison.Ordinal)) is { } command)
            {
                throw new FormatException($"{block.Where}: line {command.Number} shows a command in a '{block.Language}' block, where it is not tested. "
                    + "Put commands in a ```console block ($ command, then its output) or a ```sh block (commands only).");
            }
        }

        return steps;
    }

    private static IEnumerable<CommandStep> Console(MarkdownBlock block)
    {
        var lines = block.Lines;
        var i = 0;
        while (i < lines.Count && lines[i].Text.Trim().Length == 0)
        {
            i++;
        }

        while (i < lines.Count)
        {
            if (!lines[i].Text.StartsWith("$ ", StringComparison.Ordinal))
            {
                throw new FormatException($"{block.Where}: line {lines[i].Number} is output before any command; a console block starts with '$ command'.");
            }

            var start = lines[i].Number;
            var command = lines[i].Text[2..];
            while (command.EndsWith('\\') && i + 1 < lines.Count)
            {
                i++;
                command = command[..^1] + " " + lines[i].Text.Trim();
            }

            i++;
            var output = new List<DocLine>();
            while (i < lines.Count && !lines[i].Text.StartsWith("$ ", StringComparison.Ordinal))
            {
                output.Add(lines[i]);
                i++;
            }

            while (output.Count > 0 && output[^1].Text.Trim().Length == 0)
            {
                output.RemoveAt(output.Count - 1);
            }

            yield return new CommandStep(block, start, command, output.Count == 0 ? null : output);
        }
    }

    private static IEnumerable<CommandStep> Script(MarkdownBlock block)
    {
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var start = lines[i].Number;
            var command = text;
            while (command.EndsWith('\\') && i + 1 < lines.Count)
            {
                i++;
                command = command[..^1] + " " + lines[i].Text.Trim();
            }

            yield return new CommandStep(block, start, command, null);
        }
    }
}
