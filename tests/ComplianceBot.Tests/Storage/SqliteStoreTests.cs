using System.Data.Common;
using ComplianceBot.Audit;
using ComplianceBot.Reporting;
using ComplianceBot.Storage;

namespace ComplianceBot.Tests.Storage;

/// <summary>
/// The SQLite store's connection settings: applied once per physical connection (not on each of the two opens a turn
/// makes), and still in force on a connection the pool hands out again. A turn's statements are prepared once per
/// connection the store keeps, not parsed again on every turn.
/// </summary>
public sealed class SqliteStoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cb-sqlite-" + Guid.NewGuid().ToString("N"));
    private SqliteStore? _store;

    private SqliteStore Store => _store ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        _store = new SqliteStore("Data Source=state.db", _folder, TimeProvider.System);
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Turns_one_after_another_configure_one_connection_once()
    {
        var configured = 0;
        for (var turn = 0; turn < 20; turn++)
        {
            var key = "conversations/test/c" + (turn % 3);
            var read = await Store.ReadAsync([key]);
            var etag = read.TryGetValue(key, out var item) ? ((StoredDocument)item).ETag : null;
            await Store.WriteAsync(new Dictionary<string, object> { [key] = new StoredDocument($"{{\"turn\":{turn}}}", etag) });
            configured = turn == 0 ? Store.ConfiguredConnections : configured;
        }

        // 40 operations on one connection the store keeps: the start-up's, taken from the pool, unless a test running at
        // the same time cleared every pool first (SqliteConnection.ClearAllPools), and then one more.
        Assert.InRange(configured, 1, 2);
        Assert.Equal(configured, Store.ConfiguredConnections);
    }

    [Fact]
    public async Task Turns_one_after_another_reuse_the_statements_prepared_by_the_first()
    {
        const int turns = 30;
        for (var turn = 0; turn < turns; turn++)
        {
            const string key = "conversations/test/reused";
            var read = await Store.ReadAsync([key]);
            var etag = read.TryGetValue(key, out var item) ? ((StoredDocument)item).ETag : null;
            Assert.Equal(turn == 0 ? null : $"{{\"turn\":{turn - 1}}}", (item as StoredDocument)?.Json); // the previous turn's state
            await Store.WriteAsync(new Dictionary<string, object> { [key] = new StoredDocument($"{{\"turn\":{turn}}}", etag) });
            var at = DateTimeOffset.UnixEpoch.AddMinutes(turn);
            await Store.AppendTurnRecordsAsync(
                [new AuditRecord { At = at, Channel = "test", ConversationId = "reused", UserHash = "u", Text = "q" + turn, Kind = "answer", Decision = "Faq", ContentVersion = "v" }],
                [new UnansweredEntry("what is the weather", "fell-back", at)]);
        }

        // Read, insert-if-absent (the first write), update-if-unchanged, audit insert, unanswered count: each prepared once,
        // not once per turn (150 statements).
        Assert.Equal(5, Store.StatementsPrepared);
        Assert.Equal(turns, (await Store.ReadAuditAsync("reused")).Count);
        var unanswered = Assert.Single(await Store.ReadUnansweredAsync(DateTimeOffset.UnixEpoch));
        Assert.Equal(turns, unanswered.Count);
        await Assert.ThrowsAsync<EtagConflictException>(() => Store.WriteAsync(new Dictionary<string, object>
        {
            ["conversations/test/reused"] = new StoredDocument("{}", "stale"), // a reused statement still refuses a stale ETag
        }));
    }

    [Fact]
    public async Task A_reused_connection_keeps_secure_delete_synchronous_normal_busy_timeout_and_the_small_cache()
    {
        await Store.WriteAsync(new Dictionary<string, object> { ["conversations/test/a"] = new StoredDocument("{}", null) });
        await Store.ReadAsync(["conversations/test/a"]);
        var configured = Store.ConfiguredConnections; // 1, or 2 when a test running at the same time cleared every pool

        await using var connection = await Store.OpenConfiguredAsync();

        Assert.Equal(configured, Store.ConfiguredConnections); // the same physical connection again: not configured again ...
        Assert.Equal(1L, await PragmaAsync(connection, "secure_delete")); // ... and its settings still hold
        Assert.Equal(1L, await PragmaAsync(connection, "synchronous")); // NORMAL
        Assert.Equal(10000L, await PragmaAsync(connection, "busy_timeout"));
        Assert.Equal(-SqliteStore.PageCacheKiB, await PragmaAsync(connection, "cache_size"));
        Assert.Equal("wal", await PragmaTextAsync(connection, "journal_mode"));
    }

    [Fact]
    public async Task Connections_open_at_the_same_time_are_each_configured_once()
    {
        for (var round = 0; round < 2; round++)
        {
            await using var first = await Store.OpenConfiguredAsync(); // the pooled one from start-up
            await using var second = await Store.OpenConfiguredAsync(); // new: the first is still in use
            await using var third = await Store.OpenConfiguredAsync();
            foreach (var connection in new[] { first, second, third })
            {
                Assert.Equal(1L, await PragmaAsync(connection, "secure_delete"));
                Assert.Equal(1L, await PragmaAsync(connection, "synchronous"));
            }
        }

        Assert.Equal(3, Store.ConfiguredConnections); // the second round reused all three
    }

    private static async Task<long> PragmaAsync(DbConnection connection, string name) =>
        Convert.ToInt64(await ScalarAsync(connection, name), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string?> PragmaTextAsync(DbConnection connection, string name) => (await ScalarAsync(connection, name))?.ToString();

    private static async Task<object?> ScalarAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return await command.ExecuteScalarAsync();
    }
}
