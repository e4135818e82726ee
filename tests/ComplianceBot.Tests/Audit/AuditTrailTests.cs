using ComplianceBot.Audit;
using ComplianceBot.Reporting;
using ComplianceBot.Storage;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Audit;

/// <summary>
/// Every turn is recorded for an auditor, without holding the turn up: what the person was told (verdict, facts,
/// citations), under which content version, for a keyed hash of their id; <c>report decision</c> and <c>report turns</c> print it.
/// </summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly TempSqliteFolder _temp = new("audit");

    private string Database => _temp.File("state.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Report_decision_prints_the_verdict_of_a_conversation_with_its_facts_citations_and_content_version()
    {
        JObject verdict;
        await using (var bot = await BotServer.StartAsync(_temp.Settings()))
        {
            await bot.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?", "audit-1"));
            await bot.SendAsync(Activities.Message(null, "audit-1", StoredState.Start("travel-check")));
            await bot.SendAsync(Activities.Message(null, "audit-1", StoredState.Choice("destination", "mainland-china")));
            var (_, replies) = await bot.SendAsync(Activities.Message(null, "audit-1", StoredState.Choice("method", "unlicensed-vpn")));
            verdict = replies.Select(r => r["value"]).OfType<JObject>().Single(v => (string?)v["type"] == "verdict");
        } // stopping the host writes what is queued

        var (exitCode, output) = await Support.Cli.RunAsync("report", "decision", "audit-1", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("Conversation 'audit-1' in SQLite " + Database + ": 4 audited turns, 1 verdicts.", output);
        Assert.Contains("travel-check: verdict not-permitted (emulator)", output);
        Assert.Contains("facts: destination=mainland-china, method=unlicensed-vpn", output);
        Assert.Contains("citations: " + string.Join(", ", verdict["citations"]!.Values<string>()), output);
        Assert.Contains("content version: " + (string?)verdict["contentVersion"], output);

        var (jsonExit, json) = await Support.Cli.RunAsync("report", "decision", "audit-1", "--db", Database, "--json");
        var check = Assert.Single(JObject.Parse(json)["checks"]!);
        Assert.Equal((0, "not-permitted", "unlicensed-vpn"), (jsonExit, (string?)check["verdict"], (string?)check["facts"]!["method"]));

        var (turnsExit, turns) = await Support.Cli.RunAsync("report", "turns", "--db", Database, "--json");
        var counts = JObject.Parse(turns);
        Assert.Equal((0, 4L), (turnsExit, (long)counts["total"]!));
        Assert.Contains(counts["byTopic"]!, c => (string?)c["outcome"] == "answer" && (string?)c["topic"] == "personal-paid-vpn" && (long)c["count"]! == 1);

        var (unknownExit, unknown) = await Support.Cli.RunAsync("report", "decision", "no-such-conversation", "--db", Database);
        Assert.Equal(1, unknownExit);
        Assert.Contains("No audited turn of conversation 'no-such-conversation'", unknown);
    }

    [Fact]
    public async Task Records_keep_a_keyed_hash_of_the_user_and_the_redacted_text()
    {
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Audit:UserIdKey"] = "an-auditors-key" });
        await bot.SendAsync(Activities.Message("my email is john.smith@acme.com, can i use tor", "hashed-1"));
        var writer = (AuditWriter)bot.Services.GetService(typeof(AuditWriter))!;
        await writer.StopAsync(CancellationToken.None);

        var record = Assert.Single(await ((BotStore)bot.Services.GetService(typeof(BotStore))!).ReadAuditAsync("hashed-1"));

        Assert.Equal(new UserIdHasher(new AuditOptions { UserIdKey = "an-auditors-key" }, _temp.Path).Hash("user-1"), record.UserHash);
        Assert.NotEqual(new UserIdHasher(new AuditOptions { UserIdKey = "another-key" }, _temp.Path).Hash("user-1"), record.UserHash);
        Assert.Equal("my email is <address> can i use tor", record.Text);
        Assert.Equal("fallback", record.Kind);
    }

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_and_kept()
    {
        var options = new AuditOptions { UserIdKeyPath = "keys/audit.key" };

        var first = new UserIdHasher(options, _temp.Path).Hash("user-1");
        var second = new UserIdHasher(options, _temp.Path).Hash("user-1");

        Assert.Equal(first, second);
        Assert.Equal(64, first.Length);
        Assert.True(File.Exists(_temp.File(Path.Combine("keys", "audit.key"))));
    }

    [Fact]
    public async Task The_writer_writes_every_queued_record_before_it_stops()
    {
        var store = new SlowStore();
        var writer = new AuditWriter(store, Options.Create(new AuditOptions()), Options.Create(new UnansweredOptions()), NullLogger<AuditWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        writer.Enqueue(Record(0));
        await store.FirstWriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the writer is busy with the first batch
        for (var i = 1; i < 100; i++)
        {
            writer.Enqueue(Record(i));
        }

        var stopping = writer.StopAsync(CancellationToken.None);
        store.Release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(100, (await store.ReadAuditAsync("flush")).Count);
        Assert.Equal(0, writer.Dropped);
    }

    private static AuditRecord Record(int i) => new()
    {
        At = DateTimeOffset.UtcNow, Channel = "msteams", ConversationId = "flush", UserHash = "h", Text = $"question {i}", Kind = "answer", Decision = "answer", ContentVersion = "v",
    };

    /// <summary>A memory store whose first audit write waits until released.</summary>
    private sealed class SlowStore() : InMemoryStore(TimeProvider.System)
    {
        public TaskCompletionSource FirstWriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
        {
            FirstWriteStarted.TrySetResult();
            await Release.Task;
            await base.AppendAuditAsync(records, cancellationToken);
        }
    }
}
