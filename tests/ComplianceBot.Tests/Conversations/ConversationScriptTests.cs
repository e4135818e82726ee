using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Conversations;

/// <summary>The real host on Kestrel over a private copy of the content, shared by the conversation scripts.</summary>
public sealed class ScriptServerFixture : IAsyncLifetime
{
    public ContentWorkspace Workspace { get; } = new();

    public BotServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await BotServer.StartAsync(Workspace.Settings);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Workspace.Dispose();
    }
}

/// <summary>
/// Runs every conversation script of the project (<c>Conversations/*.yaml</c>: interruptions, robustness) and of the
/// content (<c>dialogs/tests/*.yaml</c>: every row of every contract decision table, which the compliance team's
/// <c>test</c> command runs too) through <c>POST /api/messages</c> with <c>expectReplies</c>, each in a fresh
/// conversation (format: Conversations/README.md).
/// </summary>
public sealed class ConversationScriptTests(ScriptServerFixture fixture) : IClassFixture<ScriptServerFixture>
{
    private const string LoadCheck = "(file loads)";

    /// <summary>The folders of scripts, as shown in test names and failures, with their location on disk.</summary>
    private static readonly (string Shown, string Folder)[] Folders =
    [
        ("tests/ComplianceBot.Tests/Conversations", Path.Combine(AppContext.BaseDirectory, "Conversations")),
        ("dialogs/tests", Path.Combine(Repo.Root, "dialogs", "tests")),
    ];

    public static IEnumerable<object[]> Scripts()
    {
        foreach (var (shown, folder) in Folders)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var file = shown + "/" + Path.GetFileName(path);
                var result = ScriptFile.Load(path, file);
                if (result.HasErrors)
                {
                    yield return [file, LoadCheck];
                    continue;
                }

                foreach (var script in result.Scripts)
                {
                    yield return [file, script.Name];
                }
            }
        }
    }

    [Fact]
    public void The_decision_table_scripts_cover_each_contract_dialog()
    {
        var files = Directory.EnumerateFiles(Folders[1].Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        // one decision-table script file per contract dialog; other files (e.g. places-in-checks) may sit beside them
        Assert.Subset(files.ToHashSet(), new HashSet<string?> { "client-access-check", "overseas-branch-onboarding", "personal-vpn-check", "travel-check" });
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Conversation_script_gets_the_expected_replies(string file, string script)
    {
        var (shown, folder) = Folders.Single(f => file.StartsWith(f.Shown + "/", StringComparison.Ordinal));
        var loaded = ScriptFile.Load(Path.Combine(folder, file[(shown.Length + 1)..]), file);
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Messages));
        Assert.NotEqual(LoadCheck, script);

        await using var conversation = new HttpConversationDriver(fixture.Server, fixture.Workspace);
        var result = await ScriptRunner.RunAsync(loaded.Scripts.Single(s => s.Name == script), conversation);

        Assert.True(result.Passed, result.Failure);
    }
}
