using System.Text.Json;

namespace ComplianceBot.Core.Evaluation;

/// <summary>
/// One line of a scenario file (JSON Lines, one scenario a line): <c>{"start": "...", "dialog": "&lt;id&gt;", "facts":
/// {"&lt;slot&gt;": "&lt;value&gt;"}, "verdict": "&lt;verdict&gt;", "text_answers": {"&lt;slot&gt;": "&lt;words&gt;"}}</c>.
/// </summary>
/// <param name="Start">The first message.</param>
/// <param name="Dialog">The dialog it must run.</param>
/// <param name="Facts">The person's situation: the value of every slot the dialog may ask.</param>
/// <param name="Verdict">The verdict the dialog must end in.</param>
/// <param name="TextAnswers">Slots answered in words (the rest are answered with a button submit).</param>
/// <param name="Line">1-based line in the file.</param>
public sealed record ScenarioCase(
    string Start,
    string Dialog,
    IReadOnlyDictionary<string, string> Facts,
    string Verdict,
    IReadOnlyDictionary<string, string> TextAnswers,
    int Line)
{
    /// <summary>Reads a JSON Lines file; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line is not a scenario object (the message names the line).</exception>
    public static IReadOnlyList<ScenarioCase> ReadJsonLines(string path) => JsonLines.Read(
        path,
        (json, line) => new ScenarioCase(
            json.GetProperty("start").GetString() ?? string.Empty,
            json.GetProperty("dialog").GetString() ?? string.Empty,
            Map(json.GetProperty("facts")),
            json.GetProperty("verdict").GetString() ?? string.Empty,
            json.TryGetProperty("text_answers", out var answers) ? Map(answers) : new Dictionary<string, string>(),
            line),
        "{\"start\": \"...\", \"dialog\": \"...\", \"facts\": {...}, \"verdict\": \"...\", \"text_answers\": {...}}");

    private static Dictionary<string, string> Map(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
}
