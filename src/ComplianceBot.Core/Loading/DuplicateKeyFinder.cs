using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ComplianceBot.Core.Loading;

/// <summary>One key written twice in the same YAML mapping.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Line">1-based line of the second occurrence.</param>
/// <param name="Column">1-based column of the second occurrence.</param>
/// <param name="FirstLine">1-based line of the first occurrence.</param>
internal sealed record DuplicateKey(string Key, int Line, int Column, int FirstLine);

/// <summary>
/// Finds keys written twice in one mapping. YamlDotNet's representation model stops at the first one with a bare
/// "Duplicate key"; authors need the key, both lines, and every such key at once.
/// </summary>
internal static class DuplicateKeyFinder
{
    /// <summary>
    /// Every duplicate key of <paramref name="text"/>, in document order. Reading stops quietly at a syntax error:
    /// the parser reports that error itself once the duplicates found before it are fixed.
    /// </summary>
    public static IReadOnlyList<DuplicateKey> Find(string text) => Find(new Parser(new StringReader(text)));

    /// <summary>The same, over the events of <paramref name="parser"/> (<see cref="YamlEvents"/>).</summary>
    public static IReadOnlyList<DuplicateKey> Find(IParser parser)
    {
        var found = new List<DuplicateKey>();
        var stack = new Stack<Frame>();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var frame = stack.Count > 0 ? stack.Peek() : null;
                var isKey = frame is { IsMapping: true, ExpectKey: true };
                if (isKey && current is Scalar scalar)
                {
                    if (frame!.Keys.TryGetValue(scalar.Value, out var firstLine))
                    {
                        found.Add(new DuplicateKey(scalar.Value, (int)scalar.Start.Line, (int)scalar.Start.Column, firstLine));
                    }
                    else
                    {
                        frame.Keys[scalar.Value] = (int)scalar.Start.Line;
                    }
                }

                switch (current)
                {
                    case MappingStart:
                        Advance(frame);
                        stack.Push(new Frame(IsMapping: true));
                        break;
                    case SequenceStart:
                        Advance(frame);
                        stack.Push(new Frame(IsMapping: false));
                        break;
                    case MappingEnd or SequenceEnd:
                        stack.Pop();
                        break;
                    case Scalar or AnchorAlias:
                        Advance(frame);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // a syntax error: reported by the parser proper
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; reported by the parser proper
        }

        return found;
    }

    // A node inside a mapping is alternately a key and a value.
    private static void Advance(Frame? frame)
    {
        if (frame is { IsMapping: true })
        {
            frame.ExpectKey = !frame.ExpectKey;
        }
    }

    private sealed record Frame(bool IsMapping)
    {
        public bool ExpectKey { get; set; } = true;

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }
}
