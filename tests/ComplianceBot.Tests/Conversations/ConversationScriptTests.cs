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
/// Runs every conversation script in <c>Conversations/*.yaml</c> (format: Conversations/README.md) through
/// <c>POST /api/messages</c> with <c>expectReplies</c>, each in a fresh conversation.
/// </summary>
public sealed class ConversationScriptTests(ScriptServerFixture fixture) : IClassFixture<ScriptServerFixture>
{
    private const string LoadCheck = "(file loads)";

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Conversations");

    public static IEnumerable<object[]> Scripts()
    {
        foreach (var path in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var result = ScriptFile.Load(path, "Conversations/" + file);
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

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Conversation_script_gets_the_expected_replies(string file, string script)
    {
        var loaded = ScriptFile.Load(Path.Combine(Folder, file), "tests/ComplianceBot.Tests/Conversations/" + file);
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Messages));
        Assert.NotEqual(LoadCheck, script);

        await using var conversation = new HttpConversationDriver(fixture.Server, fixture.Workspace);
        var result = await ScriptRunner.RunAsync(loaded.Scripts.Single(s => s.Name == script), conversation);

        Assert.True(result.Passed, result.Failure);
    }
}
