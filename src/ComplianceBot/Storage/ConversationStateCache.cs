using System.Collections.Concurrent;
using System.Text;
using ComplianceBot.Core.Conversation;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Storage;

/// <summary>
/// The conversation states this instance saved last, each as the document it wrote and the ETag the store gave it,
/// so that the next turn of the conversation need not read the store (<see cref="ConversationStateStore.ReadCachedAsync"/>).
/// Only a guess: an entry is used as the state a turn reads, and the turn's save, conditional on the entry's ETag, fails
/// if anyone else (another instance, the expiry sweep) changed or deleted the item since; the turn then reads the store
/// (<see cref="Bot.ConversationTurns"/>). At most <see cref="StorageOptions.StateCacheEntries"/> entries (the least
/// recently used tenth goes when a new conversation would exceed it); an entry unused for
/// <see cref="StorageOptions.ConversationTtl"/> is not used.
/// </summary>
/// <remarks>
/// Each entry is one byte buffer holding the document as UTF-8 (about 0.6 KB for a conversation of FAQ questions) and
/// the ETag, overwritten in place by the conversation's next save: a turn leaves no long-lived garbage behind (a new
/// object per save would be promoted and die in the oldest generation, growing the heap). About 0.9 KB per entry with
/// the key and bookkeeping. A hit reads the document exactly as a document read from the store is read.
/// </remarks>
public sealed class ConversationStateCache
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeSpan _idle;
    private readonly TimeProvider _time;
    private readonly Lock _evicting = new();
    private long _uses;
    private int _count;
    private long _hits;
    private long _misses;

    /// <summary>Creates the cache sized by <paramref name="options"/> (<see cref="StorageOptions.StateCacheEntries"/>; 0 keeps nothing), on <paramref name="time"/>.</summary>
    public ConversationStateCache(IOptions<StorageOptions> options, TimeProvider time)
    {
        _capacity = options.Value.StateCacheEntries;
        _idle = options.Value.ConversationTtl;
        _time = time;
    }

    /// <summary>Reads that found a state here.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Reads that did not (the store is read instead).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>How many conversations' states are held.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// The state this instance last saved under <paramref name="key"/> and its ETag, if still held and readable (as
    /// <see cref="ConversationStateJson.TryRead(ReadOnlySpan{byte})"/> reads it).
    /// </summary>
    public bool TryGet(string key, out ConversationState state, out string etag)
    {
        if (_capacity > 0 && _slots.TryGetValue(key, out var slot))
        {
            lock (slot)
            {
                if (slot.Buffer.Length > 0 && _time.GetElapsedTime(slot.SavedAt) < _idle
                    && ConversationStateJson.TryRead(slot.Buffer.AsSpan(0, slot.JsonLength)) is { } read)
                {
                    slot.LastUse = Interlocked.Increment(ref _uses);
                    etag = Encoding.UTF8.GetString(slot.Buffer, slot.JsonLength, slot.ETagLength);
                    state = read;
                    Interlocked.Increment(ref _hits);
                    return true;
                }
            }

            Forget(key);
        }

        Interlocked.Increment(ref _misses);
        state = null!;
        etag = string.Empty;
        return false;
    }

    /// <summary>Remembers that <paramref name="json"/> was saved under <paramref name="key"/> and now has <paramref name="etag"/>.</summary>
    public void Saved(string key, string json, string etag)
    {
        if (_capacity <= 0)
        {
            return;
        }

        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = new Slot { LastUse = Interlocked.Increment(ref _uses) }; // the newest: never the one evicted for it
            if (_slots.TryAdd(key, slot))
            {
                if (Interlocked.Increment(ref _count) > _capacity)
                {
                    EvictLeastRecentlyUsed();
                }
            }
            else if (!_slots.TryGetValue(key, out slot))
            {
                return; // added and removed meanwhile: nothing to remember it by
            }
        }

        lock (slot)
        {
            var jsonLength = Encoding.UTF8.GetByteCount(json);
            var needed = jsonLength + Encoding.UTF8.GetByteCount(etag);
            if (slot.Buffer.Length < needed)
            {
                slot.Buffer = new byte[(needed + 63) & ~63]; // rounded up: the next, slightly longer state usually fits
            }

            slot.JsonLength = Encoding.UTF8.GetBytes(json, slot.Buffer);
            slot.ETagLength = Encoding.UTF8.GetBytes(etag, slot.Buffer.AsSpan(jsonLength));
            slot.SavedAt = _time.GetTimestamp();
            slot.LastUse = Interlocked.Increment(ref _uses);
        }
    }

    /// <summary>Forgets <paramref name="key"/> (its state changed elsewhere, or is unknown).</summary>
    public void Forget(string key)
    {
        if (_slots.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Drops the least recently used tenth of the entries (one thread at a time; the others go on).</summary>
    private void EvictLeastRecentlyUsed()
    {
        if (!_evicting.TryEnter())
        {
            return;
        }

        try
        {
            var uses = _slots.Select(s => s.Value.LastUse).ToArray();
            if (uses.Length <= _capacity)
            {
                return;
            }

            Array.Sort(uses);
            var oldest = uses[Math.Max(uses.Length - _capacity, uses.Length / 10) - 1];
            foreach (var (key, slot) in _slots)
            {
                if (slot.LastUse <= oldest)
                {
                    Forget(key);
                }
            }
        }
        finally
        {
            _evicting.Exit();
        }
    }

    /// <summary>One conversation's entry: its document (UTF-8) then its ETag (UTF-8) in one buffer, rewritten in place.</summary>
    private sealed class Slot
    {
        public byte[] Buffer = [];
        public int JsonLength;
        public int ETagLength;
        public long SavedAt;
        public long LastUse;
    }
}
