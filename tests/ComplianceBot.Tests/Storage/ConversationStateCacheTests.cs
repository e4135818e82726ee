using ComplianceBot.Core.Conversation;
using ComplianceBot.Storage;
using ComplianceBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using ConversationState = ComplianceBot.Core.Conversation.ConversationState;

namespace ComplianceBot.Tests.Storage;

/// <summary>
/// A conversation's next turn starts from the state this instance saved last, without reading the store; a state
/// changed elsewhere meanwhile (another instance on the same store) is read from the store and the turn decided on it,
/// so no answer is lost or applied to an old state.
/// </summary>
public sealed class ConversationStateCacheTests : IDisposable
{
    private const string Question = "Is it illegal for individuals to use paid international VPN services?";
    private readonly TempSqliteFolder _temp = new("state-cache");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Consecutive_turns_of_a_conversation_read_its_state_from_the_store_once()
    {
        CountingStorage? counting = null;
        await using var bot = await BotServer.StartAsync(configure: builder => builder.Services.AddSingleton<IStorage>(sp =>
            counting = new CountingStorage(sp.GetRequiredService<BotStore>())));

        await bot.SendAsync(Activities.Message(null, "cached-1", StoredState.Start("travel-check")));
        await bot.SendAsync(Activities.Message(null, "cached-1", StoredState.Choice("destination", "mainland-china")));
        await bot.SendAsync(Activities.Message(Question, "cached-1"));
        var (_, replies) = await bot.SendAsync(Activities.Message(null, "cached-1", StoredState.Choice("method", "unlicensed-vpn")));

        Assert.Equal("not-permitted", (string?)replies.Select(r => r["value"]).OfType<JObject>().Single(v => (string?)v["type"] == "verdict")["verdict"]);
        Assert.Equal(1, counting!.ReadsOf("conversations/emulator/cached-1")); // the first turn's; four saves
        Assert.Equal(4, counting.WritesOf("conversations/emulator/cached-1"));
    }

    [Fact]
    public async Task With_no_entries_kept_every_turn_reads_the_store()
    {
        CountingStorage? counting = null;
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Storage:StateCacheEntries"] = "0" },
            builder => builder.Services.AddSingleton<IStorage>(sp => counting = new CountingStorage(sp.GetRequiredService<BotStore>())));

        for (var i = 0; i < 3; i++)
        {
            await bot.SendAsync(Activities.Message(Question, "uncached-1"));
        }

        Assert.Equal(3, counting!.ReadsOf("conversations/emulator/uncached-1"));
        Assert.Equal(3, (await StoredState.ReadAsync(bot, "uncached-1")).Turn);
    }

    [Fact]
    public async Task A_check_whose_turns_alternate_between_two_instances_continues_from_each_others_answers()
    {
        var sqlite = _temp.Settings();
        await using var a = await BotServer.StartAsync(sqlite);
        await using var b = await BotServer.StartAsync(sqlite);

        var (_, first) = await a.SendAsync(Activities.Message(null, "moving-1", StoredState.Start("travel-check")));
        Assert.Equal("destination", (string?)first.Last()["value"]!["slot"]);
        var (_, second) = await b.SendAsync(Activities.Message(null, "moving-1", StoredState.Choice("destination", "mainland-china")));
        Assert.Equal("method", (string?)second.Last()["value"]!["slot"]);

        // a kept the state it saved (asking for the destination); b answered that since: a must read b's.
        var (_, third) = await a.SendAsync(Activities.Message(null, "moving-1", StoredState.Choice("method", "unlicensed-vpn")));

        var verdict = third.Select(r => r["value"]).OfType<JObject>().Single(v => (string?)v["type"] == "verdict");
        Assert.Equal("not-permitted", (string?)verdict["verdict"]);
        Assert.Equal("mainland-china", (string?)verdict["facts"]!["destination"]);
        Assert.Equal(3, (await StoredState.ReadAsync(b, "moving-1")).Turn); // each turn applied once
        var (_, fourth) = await b.SendAsync(Activities.Message(Question, "moving-1"));
        Assert.Contains(fourth.Select(r => r["value"]).OfType<JObject>(), v => (string?)v["type"] == "answer");
        Assert.Equal(4, (await StoredState.ReadAsync(a, "moving-1")).Turn);
    }

    [Fact]
    public async Task A_turn_that_would_change_nothing_checks_the_store_first_so_a_member_added_after_the_state_was_deleted_is_welcomed()
    {
        CountingStorage? counting = null;
        await using var bot = await BotServer.StartAsync(configure: builder => builder.Services.AddSingleton<IStorage>(sp =>
            counting = new CountingStorage(sp.GetRequiredService<BotStore>())));
        var (_, welcome) = await bot.SendAsync(Activities.MembersAdded("gone-1", "user-2"));
        Assert.NotEmpty(welcome);
        var (_, again) = await bot.SendAsync(Activities.MembersAdded("gone-1", "user-2"));
        Assert.Empty(again); // welcomed once: nothing to save, so the store is read to confirm that
        Assert.Equal(2, counting!.ReadsOf("conversations/emulator/gone-1"));

        await bot.Services.GetRequiredService<BotStore>().DeleteAsync(["conversations/emulator/gone-1"]); // e.g. expired elsewhere
        var (_, fresh) = await bot.SendAsync(Activities.MembersAdded("gone-1", "user-2"));

        Assert.Equal(welcome.Select(r => (string?)r["text"]), fresh.Select(r => (string?)r["text"])); // as in a new conversation
    }

    [Fact]
    public void At_most_the_configured_number_of_conversations_are_kept_and_the_least_recently_used_go_first()
    {
        var cache = new ConversationStateCache(Options.Create(new StorageOptions { StateCacheEntries = 10 }), TimeProvider.System);
        var json = ConversationStateJson.Write(new ConversationState { Turn = 1 });
        for (var i = 0; i < 10; i++)
        {
            cache.Saved($"k{i}", json, $"e{i}");
        }

        Assert.True(cache.TryGet("k0", out _, out _)); // k0 used again: k1 is now the least recently used
        cache.Saved("k10", json, "e10");

        Assert.True(cache.Count <= 10);
        Assert.False(cache.TryGet("k1", out _, out _));
        Assert.True(cache.TryGet("k0", out var state, out var etag));
        Assert.Equal((1, "e0"), (state.Turn, etag));
        Assert.True(cache.TryGet("k10", out _, out var newest));
        Assert.Equal("e10", newest);
    }

    /// <summary>The host's store, counting the reads and writes of each key.</summary>
    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        private readonly Dictionary<string, (int Reads, int Writes)> _counts = [];

        public int ReadsOf(string key)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(key).Reads;
            }
        }

        public int WritesOf(string key)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(key).Writes;
            }
        }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Count(keys, read: true);
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Count(changes.Keys, read: false);
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        private void Count(IEnumerable<string> keys, bool read)
        {
            lock (_counts)
            {
                foreach (var key in keys)
                {
                    var (reads, writes) = _counts.GetValueOrDefault(key);
                    _counts[key] = read ? (reads + 1, writes) : (reads, writes + 1);
                }
            }
        }
    }
}
