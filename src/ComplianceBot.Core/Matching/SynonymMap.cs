namespace ComplianceBot.Core.Matching;

/// <summary>
/// Replaces every occurrence of a synonym term (one or more index terms, e.g. <c>[jump, wall]</c> or <c>[翻墙]</c>)
/// with its group's canonical term, longest match first, so "bypass the firewall", "jump the wall", "GFW" and
/// "翻墙" all become the one term <c>~circumvent</c>. Sequences may hold <see cref="TextAnalyzer.Gap"/> where stop words
/// were dropped; a gap matches only a gap, so "vpn client" does not match "vpn with a client".
/// </summary>
public sealed class SynonymMap
{
    /// <summary>Prefix of canonical terms; the normaliser never produces it, so they cannot collide with words.</summary>
    public const string CanonicalPrefix = "~";

    private readonly Node _root = new();

    /// <summary>True when no synonym has been added.</summary>
    public bool IsEmpty => _root.Children.Count == 0;

    /// <summary>Adds a term (its index terms in order) to group <paramref name="groupId"/>; the first group to claim a term keeps it.</summary>
    public void Add(IReadOnlyList<string> terms, string groupId)
    {
        if (terms.Count == 0)
        {
            return;
        }

        var node = _root;
        foreach (var term in terms)
        {
            if (!node.Children.TryGetValue(term, out var next))
            {
                node.Children[term] = next = new Node();
            }

            node = next;
        }

        node.Canonical ??= CanonicalPrefix + groupId;
    }

    /// <summary>Rewrites <paramref name="terms"/> in place, replacing each longest synonym match by its canonical term.</summary>
    public void Apply(List<string> terms)
    {
        if (IsEmpty || terms.Count == 0)
        {
            return;
        }

        var output = new List<string>(terms.Count);
        var i = 0;
        while (i < terms.Count)
        {
            var node = _root;
            string? canonical = null;
            var matchedLength = 0;
            for (var j = i; j < terms.Count && node.Children.TryGetValue(terms[j], out var next); j++)
            {
                node = next;
                if (node.Canonical is not null)
                {
                    (canonical, matchedLength) = (node.Canonical, j - i + 1);
                }
            }

            if (canonical is null)
            {
                output.Add(terms[i]);
                i++;
            }
            else
            {
                output.Add(canonical);
                i += matchedLength;
            }
        }

        terms.Clear();
        terms.AddRange(output);
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public string? Canonical { get; set; }
    }
}
