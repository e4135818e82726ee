using System.Text.RegularExpressions;

namespace ComplianceBot.Tests.Docs;

/// <summary>
/// Compares what a command printed with the output a document shows. Lines are compared one by one, ignoring
/// trailing spaces; in a documented line <c>…</c> stands for any text, and a line that is only <c>…</c> for any
/// number of lines (none included), as a reader would understand the ellipsis.
/// </summary>
public static class OutputMatch
{
    /// <summary>The ellipsis that elides text in documented output.</summary>
    public const string Ellipsis = "…";

    /// <summary>Null when <paramref name="actual"/> is what <paramref name="expected"/> shows; else what differed, naming the lines.</summary>
    public static string? Difference(IReadOnlyList<DocLine> expected, string actual)
    {
        var lines = Lines(actual);
        var patterns = expected.Select(e => e.Text.Trim() == Ellipsis ? null : Pattern(e.Text)).ToArray();
        var failed = new HashSet<(int, int)>();
        (int Expected, int Actual) furthest = (-1, -1);

        bool Match(int i, int j)
        {
            if (failed.Contains((i, j)))
            {
                return false;
            }

            bool ok;
            if (i == expected.Count)
            {
                ok = j == lines.Count;
            }
            else if (patterns[i] is null)
            {
                ok = false;
                for (var k = j; k <= lines.Count && !ok; k++)
                {
                    ok = Match(i + 1, k);
                }
            }
            else
            {
                ok = j < lines.Count && patterns[i]!.IsMatch(lines[j]) && Match(i + 1, j + 1);
            }

            if (!ok)
            {
                failed.Add((i, j));
                if (i > furthest.Expected || (i == furthest.Expected && j > furthest.Actual))
                {
                    furthest = (i, j);
                }
            }

            return ok;
        }

        if (Match(0, 0))
        {
            return null;
        }

        var (ei, aj) = furthest;
        if (ei == expected.Count)
        {
            return $"the output goes on after the documented lines, from output line {aj + 1}: «{lines[aj]}»";
        }

        var shown = $"doc line {expected[ei].Number}: «{expected[ei].Text.TrimEnd()}»";
        return aj < lines.Count
            ? $"expected {shown}\n     got output line {aj + 1}: «{lines[aj]}»"
            : $"expected {shown}\n     but the output ended after {lines.Count} lines";
    }

    /// <summary>The lines of <paramref name="text"/>: CR removed, trailing spaces and trailing empty lines dropped.</summary>
    public static List<string> Lines(string text)
    {
        var lines = text.Replace("\r", string.Empty).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static Regex Pattern(string line) =>
        new("^" + string.Join(".*?", line.TrimEnd().Split(Ellipsis).Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
}
