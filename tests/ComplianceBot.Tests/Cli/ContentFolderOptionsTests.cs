using ComplianceBot.Cli;
using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Cli;

/// <summary>
/// <c>--knowledge DIR</c> and <c>--dialogs DIR</c>: every command that reads content reads the copy an author names, and
/// one that does not exist is one error line with the same exit code everywhere.
/// </summary>
public sealed class ContentFolderOptionsTests : IDisposable
{
    private const string Question = "zebra crossing firmware question";
    private const string Marker = "This answer comes from the copy.";
    private readonly TempContent _content = new();

    public ContentFolderOptionsTests()
    {
        // The copy teaches the travellers' topic a phrasing the project's content does not have, and marks its answer.
        var topic = _content.PathOf("topics/travelers.yaml");
        var text = File.ReadAllText(topic);
        text = ReplaceFirst(text, "answer:\n  en: |\n", $"answer:\n  en: |\n    {Marker}\n\n");
        text = ReplaceFirst(text, "phrasings:\n  en:\n", $"phrasings:\n  en:\n    - {Question}\n");
        File.WriteAllText(topic, text);
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Ask_chat_and_explain_answer_from_the_copy_named_by_knowledge()
    {
        var (askExit, asked) = await Support.Cli.RunAsync("ask", Question, "--knowledge", _content.KnowledgePath);
        var (chatExit, chatted) = await Support.Cli.RunWithInputAsync($"{Question}\nexit\n", "chat", "--knowledge", _content.KnowledgePath);
        var (explainExit, explained) = await Support.Cli.RunAsync("explain", Question, "--knowledge", _content.KnowledgePath);
        var (_, fromProject) = await Support.Cli.RunAsync("ask", Question);

        Assert.Equal((0, 0, 0), (askExit, chatExit, explainExit));
        Assert.StartsWith(Marker, asked.Trim());
        Assert.Contains(Marker, chatted);
        Assert.Contains("decision:   answer travelers (", explained);
        Assert.DoesNotContain(Marker, fromProject);
    }

    [Fact]
    public async Task Eval_measures_the_copy_named_by_knowledge()
    {
        var file = Path.Combine(_content.Root, "questions.jsonl");
        await File.WriteAllTextAsync(file, $$"""{"text": "{{Question}}", "expect": ["travelers"]}""");

        var (exitCode, output) = await Support.Cli.RunAsync("eval", file, "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, exitCode);
        Assert.Contains("top-1 accuracy:         100.0", output);
    }

    [Fact]
    public async Task Eval_scenarios_plays_the_dialogs_copy_named_by_dialogs()
    {
        var dialog = Path.Combine(_content.DialogsPath, "travel-check.yaml");
        await File.WriteAllTextAsync(dialog, ReplaceFirst(await File.ReadAllTextAsync(dialog), "triggers:\n  en:\n", "triggers:\n  en:\n    - flamingo umbrella sequence\n"));
        var file = Path.Combine(_content.Root, "scenarios.jsonl");
        await File.WriteAllTextAsync(file, """{"start": "flamingo umbrella sequence", "dialog": "travel-check", "facts": {"destination": "mainland-china", "method": "roaming"}, "verdict": "permitted", "text_answers": {}}""");

        var (copyExit, copy) = await Support.Cli.RunAsync("eval-scenarios", file, "--dialogs", _content.DialogsPath);
        var (projectExit, _) = await Support.Cli.RunAsync("eval-scenarios", file);

        Assert.Equal(0, copyExit);
        Assert.Contains("scenarios: 1, passed: 1, failed: 0", copy);
        Assert.Equal(EvalScenariosCommand.FailedExitCode, projectExit); // the project's travel check has no such trigger
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("impact", "telecom-regulations")]
    [InlineData("ask", "is a vpn legal")]
    [InlineData("chat")]
    [InlineData("explain", "is a vpn legal")]
    [InlineData("eval", "questions.jsonl")]
    [InlineData("eval-scenarios", "scenarios.jsonl")]
    [InlineData("new-topic", "vpn-routers")]
    [InlineData("serve")]
    public async Task A_missing_knowledge_folder_is_one_error_line_for_every_command(params string[] command)
    {
        var missing = Path.Combine(_content.Root, "nonexistent");

        var (exitCode, output) = await Support.Cli.RunAsync([.. command, "--knowledge", missing]);

        Assert.Equal(CommandLine.NotFoundExitCode, exitCode);
        Assert.Equal($"error: knowledge folder not found: {missing}", output.Trim());
    }

    [Fact]
    public async Task A_knowledge_copy_without_dialogs_beside_it_is_served_with_the_projects_dialogs()
    {
        var copy = Path.Combine(_content.Root, "elsewhere", "kq");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        Directory.Move(_content.KnowledgePath, copy);

        var (exitCode, output) = await Support.Cli.RunAsync("ask", "travel check for china", "--knowledge", copy, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal("prompt", (string?)JObject.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])["type"]);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var normalised = text.ReplaceLineEndings("\n");
        var at = normalised.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' not found");
        return normalised[..at] + replacement + normalised[(at + old.Length)..];
    }
}
