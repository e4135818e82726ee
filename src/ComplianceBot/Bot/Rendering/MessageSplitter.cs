using System.Text;

namespace ComplianceBot.Bot.Rendering;

/// <summary>
/// Splits a long Markdown message into parts that each fit a channel's size limit, breaking between paragraphs
/// where possible, then between lines, then between words, and only as a last resort inside a word (never inside
/// a UTF-16 surrogate pair). Joining the parts with the separators they were split at gives the original text.
/// </summary>
public static class MessageSplitter
{
    private static readonly string[] Separators = ["\n\n", "\n", " "];

    /// <summary>
    /// The parts of <paramref name="text"/>, each at most <paramref name="maxBytes"/> bytes in UTF-8 (trailing and
    /// leading separators at a split are dropped). Text that fits is returned as the only part.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is below 16.</exception>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 16);
        var parts = new List<string>();
        SplitInto(text, maxBytes, 0, parts);
        return parts;
    }

    private static void SplitInto(string text, int maxBytes, int level, List<string> parts)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            parts.Add(text);
            return;
        }

        if (level == Separators.Length)
        {
            HardSplit(text, maxBytes, parts);
            return;
        }

        var separator = Separators[level];
        var current = new StringBuilder();
        foreach (var piece in text.Split(separator))
        {
            var candidate = current.Length == 0 ? piece : current + separator + piece;
            if (Encoding.UTF8.GetByteCount(candidate) <= maxBytes)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }

            if (Encoding.UTF8.GetByteCount(piece) <= maxBytes)
            {
                current.Append(piece);
            }
            else
            {
                SplitInto(piece, maxBytes, level + 1, parts);
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }
    }

    private static void HardSplit(string text, int maxBytes, List<string> parts)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            var bytes = 0;
            while (end < text.Length)
            {
                var length = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, length));
                if (bytes + size > maxBytes)
                {
                    break;
                }

                bytes += size;
                end += length;
            }

            parts.Add(text[start..end]);
            start = end;
        }
    }
}
