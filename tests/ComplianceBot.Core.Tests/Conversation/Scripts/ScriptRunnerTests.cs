using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Conversation.Scripts;

public sealed class ScriptRunnerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cb-scripts-" + Guid.NewGuid().ToString("N"));

    public ScriptRunnerTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AssistantDriver NewConversation() => new(new FixedContentProvider(RealContent.Served));

    public static TheoryData<string> HostScriptFiles() =>
        new(Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "ComplianceBot.Tests", "Conversations"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(HostScriptFiles))]
    public async Task The_conversation_scripts_also_pass_against_the_core_assistant(string file)
    {
        var loaded = ScriptFile.Load(Path.Combine(Repo.Root, "tests", "ComplianceBot.Tests", "Conversations", file), file);
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Messages));

        var failures = new List<string>();
        foreach (var script in loaded.Scripts)
        {
            await using var conversation = NewConversation();
            if ((await ScriptRunner.RunAsync(script, conversation)).Failure is { } failure)
            {
                failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_failing_script_reports_the_step_line_the_difference_and_the_transcript()
    {
        var script = Load("""
            scripts:
              - name: wrong verdict on purpose
                steps:
                  - value: {start: client-access-check}
                  - user: "yes"
                    expect:
                      - {type: verdict, verdict: permitted}
            """).Scripts.Single();

        await using var conversation = NewConversation();
        var result = await ScriptRunner.RunAsync(script, conversation);

        Assert.False(result.Passed);
        Assert.StartsWith("bad.yaml:5: script \"wrong verdict on purpose\": reply 1 (expected verdict permitted):", result.Failure);
        Assert.Contains("verdict: expected permitted, got not-permitted", result.Failure);
        Assert.Contains("> \"yes\"", result.Failure);
        Assert.Contains("< [verdict client-access-check=not-permitted {charging: yes}]", result.Failure);
    }

    [Fact]
    public async Task Clicking_a_button_that_is_not_offered_fails_and_lists_the_buttons()
    {
        var script = Load("""
            scripts:
              - name: no such button
                steps:
                  - value: {start: travel-check}
                  - click: Teleport
            """).Scripts.Single();

        await using var conversation = NewConversation();
        var result = await ScriptRunner.RunAsync(script, conversation);

        Assert.Contains("no button \"Teleport\" in the previous replies (buttons: Mainland China, Hong Kong or Macau, Somewhere else)", result.Failure);
    }

    [Fact]
    public void A_mistake_in_a_script_file_is_reported_at_its_line()
    {
        var result = Load("""
            scripts:
              - name: typo
                steps:
                  - usr: hello
            """);

        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal(("bad.yaml", 4, 9), (error.Path, error.Line, error.Column));
        Assert.Equal("unknown key 'usr'; did you mean 'user'?", error.Text);
        Assert.Empty(result.Scripts);
    }

    [Fact]
    public void A_step_that_does_two_things_is_an_error()
    {
        var result = Load("""
            scripts:
              - name: two things
                steps:
                  - click: Work
                    attachment: true
            """);

        Assert.Contains(result.Messages, m => m.Line == 4 && m.Text.StartsWith("a step does one thing", StringComparison.Ordinal));
    }

    private ScriptFileResult Load(string yaml)
    {
        var path = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(path, yaml);
        return ScriptFile.Load(path, "bad.yaml");
    }
}
