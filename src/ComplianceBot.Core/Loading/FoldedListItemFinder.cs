using YamlDotNet.RepresentationModel;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Finds list items that YAML silently glued into the text of the value above them. A "- item" line indented deeper
/// than the line before it is not a new item: YAML reads it as the continuation of that plain (unquoted) value, so
/// <c>- can i use a vpn</c> followed by <c>&#160;&#160;- is a vpn legal</c> becomes the single phrasing
/// "can i use a vpn - is a vpn legal" and every following item of the list is lost without a word. No content value
/// is written that way on purpose (multi-line answers use <c>|</c>), so a plain value running over several lines with
/// a line that starts with "- " is reported as the indentation mistake it is.
/// </summary>
internal static class FoldedListItemFinder
{
    /// <summary>Most places reported per file; one fix usually shows the author the pattern.</summary>
    public const int MaxReported = 10;

    /// <summary>
    /// For each plain scalar under <paramref name="root"/> that spans several lines of <paramref name="text"/> and has
    /// a continuation line starting with "- ": the 1-based line and column of that "- " and the line where the value
    /// starts. In document order, at most <see cref="MaxReported"/>.
    /// </summary>
    public static IReadOnlyList<(int Line, int Column, int ValueLine)> Find(YamlNode root, string text)
    {
        var found = new List<(int Line, int Column, int ValueLine)>();
        string[]? lines = null;
        foreach (var node in root.AllNodes)
        {
            if (found.Count >= MaxReported)
            {
                break;
            }

            if (node is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar || scalar.End.Line <= scalar.Start.Line)
            {
                continue;
            }

            lines ??= text.Split('\n');
            var last = Math.Min((int)scalar.End.Line, lines.Length);
            for (var line = (int)scalar.Start.Line + 1; line <= last; line++)
            {
                var content = lines[line - 1].TrimEnd('\r');
                var trimmed = content.TrimStart(' ');
                if (trimmed == "-" || trimmed.StartsWith("- ", StringComparison.Ordinal))
                {
                    found.Add((line, content.Length - trimmed.Length + 1, (int)scalar.Start.Line));
                    break;
                }
            }
        }

        return found;
    }
}
