using ComplianceBot.Audit;
using ComplianceBot.Reporting;
using ComplianceBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Storage;

/// <summary>
/// The one contract every store provider honours (run against memory, SQLite and PostgreSQL by the subclasses): the
/// Bot Framework IStorage ETag rules (a stale ETag fails with the SDK's exception type, <c>*</c> overwrites, a new item
/// with an ETag fails, a new item without one fails when the key is taken), documents without .NET type names,
/// concurrent writers, expiry by idle time, and the audit and unanswered records.
/// </summary>
public abstract class StorageConformanceTests : IAsyncLifetime
{
    private BotStore? _store;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    protected BotStore Store => _store ?? throw new InvalidOperationException("not initialised");

    /// <summary>A new, empty store of the provider under test, on <see cref="Clock"/>.</summary>
    protected abstract Task<BotStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync();
        await _store.InitializeAsync(); // idempotent: a second instance starting on the same store
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reading_keys_that_were_never_written_finds_nothing()
    {
        var found = await Store.ReadAsync(["unknown", "also-unknown"]);

        Assert.Empty(found);
    }

    [Fact]
    public async Task An_item_reads_back_as_its_json_document_with_an_etag_and_no_type_names()
    {
        await Store.WriteAsync(Changes(("poco", new Poco { Id = "1", Count = 7 }), ("item", new PocoItem { Id = "2", Count = 3 }), ("!@#$%^&*()~/\\><,.?';\"`~", new PocoItem { Id = "3" })));

        var found = await Store.ReadAsync(["poco", "item", "!@#$%^&*()~/\\><,.?';\"`~"]);

        Assert.Equal(3, found.Count);
        var item = Assert.IsType<StoredDocument>(found["item"]);
        Assert.False(string.IsNullOrEmpty(item.ETag));
        Assert.Equal((3, "2"), (item.Deserialize<PocoItem>().Count, item.Deserialize<PocoItem>().Id));
        Assert.Equal(item.ETag, item.Deserialize<PocoItem>().ETag);
        Assert.Equal(7, ((StoredDocument)found["poco"]).Deserialize<Poco>().Count);
        foreach (var document in found.Values.Cast<StoredDocument>())
        {
            Assert.DoesNotContain("$type", document.Json);
            Assert.DoesNotContain(nameof(StorageConformanceTests), document.Json);
            Assert.DoesNotContain("eTag", document.Json, StringComparison.OrdinalIgnoreCase); // the ETag is the store's, not the document's
        }
    }

    [Fact]
    public async Task A_document_written_carries_the_items_new_etag_so_the_next_write_needs_no_read()
    {
        var created = new StoredDocument("{\"count\":1}");
        await Store.WriteAsync(Changes(("doc", created)));
        var read = Assert.IsType<StoredDocument>((await Store.ReadAsync(["doc"]))["doc"]);
        Assert.Equal(read.ETag, created.ETag);

        var next = new StoredDocument("{\"count\":2}", created.ETag);
        await Store.WriteAsync(Changes(("doc", next)));
        Assert.NotEqual(created.ETag, next.ETag);
        Assert.Equal(((StoredDocument)(await Store.ReadAsync(["doc"]))["doc"]).ETag, next.ETag);

        var stale = new StoredDocument("{\"count\":3}", created.ETag);
        await Assert.ThrowsAsync<EtagConflictException>(() => Store.WriteAsync(Changes(("doc", stale))));
        Assert.Equal(created.ETag, stale.ETag); // refused: it keeps the ETag it was written with
    }

    [Fact]
    public async Task Writing_back_with_the_etag_read_succeeds_and_gives_a_new_etag()
    {
        await Store.WriteAsync(Changes(("k", new PocoItem { Count = 1 })));
        var read = await ReadItemAsync("k");

        read.Count++;
        await Store.WriteAsync(Changes(("k", read)));

        var again = await ReadItemAsync("k");
        Assert.Equal(2, again.Count);
        Assert.NotEqual(read.ETag, again.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_with_the_sdk_exception_type_and_changes_nothing()
    {
        await Store.WriteAsync(Changes(("k", new PocoItem { Count = 1 })));
        var first = await ReadItemAsync("k");
        var second = await ReadItemAsync("k");
        second.Count = 2;
        await Store.WriteAsync(Changes(("k", second)));

        first.Count = 99;
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WriteAsync(Changes(("k", first)))); // MemoryStorage's type in the SDK
        Assert.IsType<EtagConflictException>(error);

        Assert.Equal(2, (await ReadItemAsync("k")).Count);
    }

    [Fact]
    public async Task A_write_with_an_empty_etag_fails()
    {
        await Store.WriteAsync(Changes(("k", new PocoItem { Count = 1 })));
        var read = await ReadItemAsync("k");
        read.ETag = string.Empty;

        await Assert.ThrowsAsync<EtagConflictException>(() => Store.WriteAsync(Changes(("k", read))));
    }

    [Fact]
    public async Task The_star_etag_overwrites_whatever_is_there()
    {
        await Store.WriteAsync(Changes(("k", new PocoItem { Count = 1 })));

        await Store.WriteAsync(Changes(("k", new PocoItem { Count = 5, ETag = "*" }), ("new", new PocoItem { Count = 6, ETag = "*" })));

        Assert.Equal((5, 6), ((await ReadItemAsync("k")).Count, (await ReadItemAsync("new")).Count));
    }

    [Fact]
    public async Task A_new_item_without_an_etag_is_refused_when_the_key_is_taken()
    {
        await Store.WriteAsync(Changes(("k", new PocoItem { Count = 1 })));

        await Assert.ThrowsAsync<EtagConflictException>(() => Store.WriteAsync(Changes(("k", new PocoItem { Count = 2 }))));

        Assert.Equal(1, (await ReadItemAsync("k")).Count);
    }

    [Fact]
    public async Task An_item_written_with_an_etag_that_does_not_exist_yet_is_refused()
    {
        await Assert.ThrowsAsync<EtagConflictException>(() => Store.WriteAsync(Changes(("k", new PocoItem { Count = 1, ETag = "made-up" }))));

        Assert.Empty(await Store.ReadAsync(["k"]));
    }

    [Fact]
    public async Task A_value_that_is_not_a_store_item_is_written_unconditionally()
    {
        await Store.WriteAsync(Changes(("k", new Poco { Count = 1 })));

        await Store.WriteAsync(Changes(("k", new Poco { Count = 2 })));
        await Store.WriteAsync(Changes(("j", new JObject { ["count"] = 3 })));

        Assert.Equal(2, ((StoredDocument)(await Store.ReadAsync(["k"]))["k"]).Deserialize<Poco>().Count);
        Assert.Equal(3, ((StoredDocument)(await Store.ReadAsync(["j"]))["j"]).Deserialize<Poco>().Count);
    }

    [Fact]
    public async Task A_json_object_read_back_carries_its_etag_condition()
    {
        await Store.WriteAsync(Changes(("k", new PocoItem { Count = 1 })));
        var read = (StoredDocument)(await Store.ReadAsync(["k"]))["k"];
        var stale = new JObject { ["count"] = 9, ["eTag"] = read.ETag };
        await Store.WriteAsync(Changes(("k", new JObject { ["count"] = 2, ["eTag"] = read.ETag })));

        await Assert.ThrowsAsync<EtagConflictException>(() => Store.WriteAsync(Changes(("k", stale))));
        Assert.Equal(2, (await ReadItemAsync("k")).Count);
    }

    [Fact]
    public async Task Deleting_removes_items_and_deleting_unknown_keys_is_fine()
    {
        await Store.WriteAsync(Changes(("a", new PocoItem()), ("b", new PocoItem())));

        await Store.DeleteAsync(["a", "unknown"]);

        Assert.Equal(["b"], (await Store.ReadAsync(["a", "b"])).Keys);
    }

    [Fact]
    public async Task A_write_of_several_items_with_one_conflict_writes_none_of_them()
    {
        await Store.WriteAsync(Changes(("taken", new PocoItem { Count = 1 })));

        await Assert.ThrowsAsync<EtagConflictException>(() => Store.WriteAsync(Changes(("fresh", new PocoItem { Count = 1 }), ("taken", new PocoItem { Count = 2 }))));

        Assert.Empty(await Store.ReadAsync(["fresh"]));
        Assert.Equal(1, (await ReadItemAsync("taken")).Count);
    }

    [Fact]
    public async Task Concurrent_writers_that_retry_on_conflict_lose_no_update()
    {
        await Store.WriteAsync(Changes(("counter", new PocoItem { Count = 0 })));
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                while (true)
                {
                    var item = await ReadItemAsync("counter");
                    item.Count++;
                    try
                    {
                        await Store.WriteAsync(Changes(("counter", item)));
                        break;
                    }
                    catch (EtagConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        Assert.Equal(200, (await ReadItemAsync("counter")).Count);
    }

    [Fact]
    public async Task Of_concurrent_writers_creating_one_key_exactly_one_succeeds()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.WriteAsync(Changes(("once", new PocoItem { Count = i })));
                return true;
            }
            catch (EtagConflictException)
            {
                return false;
            }
        })));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Items_idle_since_a_time_are_deleted_by_key_prefix()
    {
        await Store.WriteAsync(Changes(("conversations/a", new PocoItem()), ("slack/x", new PocoItem())));
        Clock.Advance(TimeSpan.FromDays(2));
        await Store.WriteAsync(Changes(("conversations/b", new PocoItem())));

        var deleted = await Store.DeleteIdleAsync("conversations/", Clock.GetUtcNow() - TimeSpan.FromDays(1));

        Assert.Equal(1, deleted);
        Assert.Equal(["conversations/b", "slack/x"], (await Store.ReadAsync(["conversations/a", "conversations/b", "slack/x"])).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, await Store.CountAsync("conversations/"));
    }

    [Fact]
    public async Task Audit_records_are_kept_read_by_conversation_counted_and_deleted_after_retention()
    {
        var verdict = Record("conv-1", "slot-answer") with
        {
            DialogId = "travel-check", Verdict = "not-permitted", Facts = new SortedDictionary<string, string> { ["destination"] = "mainland-china", ["method"] = "unlicensed-vpn" },
            Citations = ["cybersecurity-law", "interim-provisions-international-networking"], Confidence = null,
        };
        await Store.AppendAuditAsync([Record("conv-1", "answer") with { TopicId = "personal-paid-vpn", Confidence = 0.91 }, verdict, Record("conv-2", "fallback")]);
        Clock.Advance(TimeSpan.FromDays(10));
        await Store.AppendAuditAsync([Record("conv-2", "answer") with { TopicId = "personal-paid-vpn" }]);

        var conversation = await Store.ReadAuditAsync("conv-1");
        var counts = await Store.CountTurnsAsync(Clock.GetUtcNow().AddDays(-30), Clock.GetUtcNow().AddDays(1));
        var deleted = await Store.DeleteAuditBeforeAsync(Clock.GetUtcNow().AddDays(-5));

        Assert.Equal(2, conversation.Count);
        Assert.Equal(verdict with { At = conversation[1].At }, conversation[1] with { Facts = verdict.Facts, Citations = verdict.Citations });
        Assert.Equal(verdict.Facts, conversation[1].Facts);
        Assert.Equal(verdict.Citations, conversation[1].Citations);
        Assert.Equal(0.91, conversation[0].Confidence);
        Assert.Contains(new TurnCount("answer", "personal-paid-vpn", 2), counts);
        Assert.Contains(new TurnCount("slot-answer", "travel-check", 1), counts);
        Assert.Contains(new TurnCount("fallback", null, 1), counts);
        Assert.Equal(3, deleted);
        Assert.Empty(await Store.ReadAuditAsync("conv-1"));
    }

    [Fact]
    public async Task Unanswered_questions_are_counted_per_text_and_reason()
    {
        var first = Clock.GetUtcNow();
        await Store.RecordUnansweredAsync([new UnansweredEntry("can i use tor", "fell-back", first), new UnansweredEntry("vpn", "clarified", first)]);
        Clock.Advance(TimeSpan.FromHours(1));
        await Store.RecordUnansweredAsync([new UnansweredEntry("can i use tor", "fell-back", Clock.GetUtcNow()), new UnansweredEntry("my vpn wont connect", "declined: it-support", Clock.GetUtcNow())]);

        var rows = await Store.ReadUnansweredAsync(first);

        Assert.Equal(("can i use tor", 2, first, Clock.GetUtcNow()), (rows[0].Text, rows[0].Count, rows[0].FirstSeen, rows[0].LastSeen));
        Assert.Equal("it-support", rows.Single(r => r.Text == "my vpn wont connect").DeclinedAs);
        Assert.Equal(1, await Store.DeleteUnansweredBeforeAsync(Clock.GetUtcNow()));
    }

    private AuditRecord Record(string conversation, string kind) => new()
    {
        At = Clock.GetUtcNow(), Channel = "msteams", ConversationId = conversation, UserHash = new string('a', 64), Text = "is a satellite phone allowed",
        Kind = kind, Decision = kind, ContentVersion = "56a45d32de00",
    };

    private async Task<PocoItem> ReadItemAsync(string key) => ((StoredDocument)(await Store.ReadAsync([key]))[key]).Deserialize<PocoItem>();

    private static Dictionary<string, object> Changes(params (string Key, object Value)[] items) => items.ToDictionary(i => i.Key, i => i.Value);

    public sealed class Poco
    {
        public string? Id { get; set; }

        public int Count { get; set; }
    }

    public sealed class PocoItem : IStoreItem
    {
        public string? Id { get; set; }

        public int Count { get; set; }

        public string ETag { get; set; } = null!;
    }
}

/// <summary>The contract on the memory provider.</summary>
public sealed class MemoryStorageConformanceTests : StorageConformanceTests
{
    protected override Task<BotStore> CreateStoreAsync() => Task.FromResult<BotStore>(new InMemoryStore(Clock));
}

/// <summary>The contract on the SQLite provider (a file in a new temporary folder).</summary>
public sealed class SqliteStorageConformanceTests : StorageConformanceTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cb-sqlite-" + Guid.NewGuid().ToString("N"));

    protected override Task<BotStore> CreateStoreAsync() => Task.FromResult<BotStore>(new SqliteStore("Data Source=nested/state.db", _folder, Clock));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The contract on the PostgreSQL provider (a fresh database on the test server).</summary>
public sealed class PostgreSqlStorageConformanceTests(Support.PostgreSqlFixture server) : StorageConformanceTests, IClassFixture<Support.PostgreSqlFixture>
{
    protected override async Task<BotStore> CreateStoreAsync() => new PostgreSqlStore(await server.CreateDatabaseAsync(), Clock);
}
