using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Finds YAML anchors (<c>&amp;name</c>) and aliases (<c>*name</c>) with YamlDotNet's low-level parser, which reads
/// events one by one and never expands an alias. Content files have no use for them, and nested aliases ("billion
/// laughs": nine aliases of nine aliases of …) expand to billions of nodes in the representation model and the
/// deserializer, so a few hundred bytes could exhaust memory during a reload. They are refused before anything
/// builds a tree.
/// </summary>
internal static class AnchorFinder
{
    /// <summary>Most lines reported per file; one fix usually shows the author the pattern.</summary>
    public const int MaxReported = 10;

    /// <summary>
    /// The 1-based line and column of the first anchor or alias on each line of <paramref name="text"/>, in order, at
    /// most <see cref="MaxReported"/>. Reading stops quietly at a syntax error (reported by the parser proper).
    /// </summary>
    public static IReadOnlyList<(int Line, int Column)> Find(string text) => Find(new Parser(new StringReader(text)));

    /// <summary>The same, over the events of <paramref name="parser"/> (<see cref="YamlEvents"/>).</summary>
    public static IReadOnlyList<(int Line, int Column)> Find(IParser parser)
    {
        var found = new List<(int Line, int Column)>();
        try
        {
            while (found.Count < MaxReported && parser.MoveNext())
            {
                var position = parser.Current switch
                {
                    AnchorAlias alias => alias.Start,
                    NodeEvent { Anchor.IsEmpty: false } node => node.Start,
                    _ => (Mark?)null,
                };
                if (position is { } p && (found.Count == 0 || found[^1].Line != (int)p.Line))
                {
                    found.Add(((int)p.Line, (int)p.Column));
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // a syntax error: reported by the parser proper (anchors before it were found)
        }

        return found;
    }
}
