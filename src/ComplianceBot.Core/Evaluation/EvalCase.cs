namespace ComplianceBot.Core.Evaluation;

/// <summary>
/// One line of an evaluation file: <c>{"text": "...", "expect": ["&lt;faq id&gt;", "dialog:&lt;id&gt;", ...]}</c>;
/// <c>["fallback"]</c> marks an out-of-scope question.
/// </summary>
/// <param name="Text">The question as a user would type it.</param>
/// <param name="Expect">Acceptable ids; any one of them counts as correct.</param>
/// <param name="Line">1-based line number in the file (for reports).</param>
public sealed record EvalCase(string Text, IReadOnlyList<string> Expect, int Line)
{
    /// <summary>The id that marks an out-of-scope question.</summary>
    public const string FallbackId = "fallback";

    /// <summary>True when the question is out of scope.</summary>
    public bool IsOutOfScope => Expect.Contains(FallbackId);

    /// <summary>Reads a JSON Lines file; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line is not an object with a string <c>text</c> and a string array <c>expect</c> (message names the line).</exception>
    public static IReadOnlyList<EvalCase> ReadJsonLines(string path) => JsonLines.Read(
        path,
        (json, line) => new EvalCase(
            json.GetProperty("text").GetString() ?? string.Empty,
            json.GetProperty("expect").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList(),
            line),
        "{\"text\": \"...\", \"expect\": [\"id\", ...]}");
}
