using System.Text.Json;

namespace ComplianceBot.Core.Evaluation;

/// <summary>Reads JSON Lines files (one JSON object per line; blank lines skipped) into records.</summary>
internal static class JsonLines
{
    /// <summary>Reads <paramref name="path"/>, turning each line's object into a record with <paramref name="parse"/> (given the 1-based line number).</summary>
    /// <exception cref="FormatException">A line is not JSON or lacks what <paramref name="parse"/> needs; the message names the file, the line and <paramref name="expected"/>.</exception>
    public static IReadOnlyList<T> Read<T>(string path, Func<JsonElement, int, T> parse, string expected)
    {
        var records = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                records.Add(parse(doc.RootElement, lineNumber));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{path}:{lineNumber}: expected {expected}: {ex.Message}", ex);
            }
        }

        return records;
    }
}
