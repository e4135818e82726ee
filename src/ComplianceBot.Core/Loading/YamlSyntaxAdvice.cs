using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ComplianceBot.Core.Loading;

/// <summary>A YAML syntax problem as an author should read it: where, and what to do.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Text">Plain advice, without parser terms ("block mapping", "scalar", "token").</param>
internal sealed record YamlSyntaxProblem(int Line, int Column, string Text);

/// <summary>
/// Turns YamlDotNet's syntax errors into advice for people who edit YAML without being programmers: the common
/// mistakes (indentation, tabs, a <c>': '</c> inside text, unclosed quotes and brackets, text after a closing quote,
/// characters that cannot start a value) are named with the fix; the position is the parser's, except for tabs,
/// which YamlDotNet sometimes reports at 1:1 and which are located here at the tab itself.
/// </summary>
internal static partial class YamlSyntaxAdvice
{
    /// <summary>The advice for <paramref name="exception"/>, raised while reading <paramref name="text"/>.</summary>
    public static YamlSyntaxProblem Describe(YamlException exception, string text)
    {
        var message = Strip(exception.InnerException?.Message ?? exception.Message);
        var lines = text.Split('\n');
        var (line, column) = ((int)exception.Start.Line, (int)exception.Start.Column);
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentationTab(lines, text) is { } tab)
        {
            return new YamlSyntaxProblem(tab.Line, tab.Column, "tabs are not allowed for indentation in YAML; use spaces");
        }

        var source = line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : string.Empty;
        var before = column >= 1 ? source[..Math.Min(column - 1, source.Length)] : string.Empty;
        var at = column >= 1 && column <= source.Length ? source[column - 1] : '\0';
        return new YamlSyntaxProblem(line, column, Advice(message, lines, line, source, before, at) ?? message);
    }

    /// <summary>Where a file reading failed in a way YamlDotNet reports without a position: the last token it read.</summary>
    public static (int Line, int Column) LastReadablePosition(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var last = (1, 1);
        try
        {
            while (scanner.MoveNext())
            {
                last = ((int)scanner.Current!.Start.Line, (int)scanner.Current.Start.Column);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlException)
        {
            // the position of the last token read is the best location we have
        }

        return last;
    }

    [GeneratedRegex(@"[\w""')\]]:\S")]
    private static partial Regex ColonWithoutSpace();

    private static string? Advice(string message, string[] lines, int line, string source, string before, char at)
    {
        var content = source.TrimStart(' ');
        var atLineStart = before.Trim().Length == 0;
        var lastBefore = before.TrimEnd().LastOrDefault();
        var previous = PreviousContentLine(lines, line);
        return message switch
        {
            _ when message.Contains("cannot start any token", StringComparison.Ordinal) =>
                $"a value cannot start with '{at}' in YAML; put the whole value in quotes (\"{at}...\")",
            _ when message.Contains("unknown escape character", StringComparison.Ordinal) =>
                "inside double quotes a backslash starts a special character (\\n, \\\"); write \\\\ for a backslash, or use single quotes",
            _ when message.Contains("quoted scalar", StringComparison.Ordinal) =>
                $"the quote ({(at is '"' or '\'' ? at : '"')}) opened here is not closed; end the text with the same quote on this line",
            _ when message.Contains("found invalid mapping", StringComparison.Ordinal) && before.Contains(": ", StringComparison.Ordinal) =>
                "this line contains ': ' twice, and YAML reads the second one as a key inside the value; put the value in quotes",
            _ when message.Contains("found invalid mapping", StringComparison.Ordinal) && previous is not null && ColonWithoutSpace().IsMatch(previous) =>
                $"the line above ('{previous.Trim()}') has no space after ':', so YAML does not read it as 'key: value'; add the space",
            _ when message.Contains("found invalid mapping", StringComparison.Ordinal) =>
                "this line is indented more than the line above, so YAML reads it as part of that line's value; line it up (with spaces) with the key it belongs with",
            _ when message.Contains("Block sequence entries are not allowed", StringComparison.Ordinal) =>
                "a list item ('- ') cannot start on the same line as its key; put each item on its own line below the key, indented, or write the list as [a, b]",
            _ when message.Contains("expected '-' indicator", StringComparison.Ordinal) =>
                "this line is inside a list but is not a list item: start it with '- ' (a dash and a space), or line it up with the key it belongs to",
            _ when message.Contains("did not find expected key", StringComparison.Ordinal) && lastBefore is '"' or '\'' =>
                "the text goes on after its closing quote; quote the whole value (inside single quotes write an apostrophe as '', inside double quotes write \\\" for a quote)",
            _ when message.Contains("did not find expected key", StringComparison.Ordinal) && lastBefore is ']' or '}' =>
                $"there is more after the closing '{lastBefore}'; remove it, or put the whole value in quotes",
            _ when message.Contains("did not find expected key", StringComparison.Ordinal) && atLineStart && (content.StartsWith("- ", StringComparison.Ordinal) || content == "-") =>
                "this list item does not line up with the lines above it; indent it (with spaces) like the other items of its list, under its key",
            _ when message.Contains("did not find expected key", StringComparison.Ordinal) && atLineStart && (content.Contains(": ", StringComparison.Ordinal) || content.EndsWith(':')) =>
                $"this line's indentation ({Spaces(source)}) does not line up with the keys it belongs with; keys of one block must start in the same column (indent with spaces, usually 2 per level)",
            _ when message.Contains("did not find expected key", StringComparison.Ordinal) && atLineStart =>
                "YAML cannot read this line: its key has no ':' after it, or it is text indented less than the text it continues; add the ':', or indent the line like the text above it",
            _ when message.Contains("did not find expected key", StringComparison.Ordinal) || message.Contains("<document end>", StringComparison.Ordinal) =>
                "YAML cannot read this line: it does not fit the lines above it; check the indentation (spaces only, lined up with its siblings) and that each key ends with ': '",
            _ when message.Contains("did not find expected node content", StringComparison.Ordinal) =>
                $"a value cannot start with '{at}' here; if it is text, put it in quotes",
            _ when message.Contains("block scalar", StringComparison.Ordinal) =>
                "after '|' or '>' the text must start on the next line, indented (only a comment may follow on this line)",
            _ when message.Contains("could not find expected ':'", StringComparison.Ordinal) =>
                "a key here has no ':' after it, or a quote or bracket opened above is not closed",
            _ when message.Contains("flow sequence", StringComparison.Ordinal) =>
                "the list opened with '[' is not closed, or two items have no ',' between them; close it with ']' on the same line",
            _ when message.Contains("flow mapping", StringComparison.Ordinal) =>
                "the mapping opened with '{' is not closed, or two entries have no ',' between them; close it with '}' on the same line",
            _ => null,
        };
    }

    private static string Spaces(string line)
    {
        var count = line.Length - line.TrimStart(' ').Length;
        return count == 1 ? "1 space" : $"{count} spaces";
    }

    private static string? PreviousContentLine(string[] lines, int line)
    {
        for (var i = line - 2; i >= 0; i--)
        {
            var candidate = lines[i].TrimEnd('\r');
            if (candidate.Trim().Length > 0 && !candidate.TrimStart().StartsWith('#'))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The first tab in a line's indentation at or after the last token the scanner could read (the tab that
    /// stopped it); 1-based.
    /// </summary>
    private static (int Line, int Column)? FindIndentationTab(string[] lines, string text)
    {
        var (from, _) = LastReadablePosition(text);
        foreach (var start in new[] { from, 1 })
        {
            for (var i = Math.Max(0, start - 1); i < lines.Length; i++)
            {
                var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', 0, indentation);
                if (tab >= 0 && lines[i].Trim().Length > 0)
                {
                    return (i + 1, tab + 1);
                }
            }
        }

        return null;
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the position is reported separately.</summary>
    internal static string Strip(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut > 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }
}
