using System.Collections.Concurrent;
using ComplianceBot.Audit;
using ComplianceBot.Reporting;

namespace ComplianceBot.Storage;

/// <summary>
/// The memory provider (tests and benchmarks only: everything is lost at exit). It keeps the same documents and honours
/// the same ETag contract as the SQL providers, so tests on it exercise the real serialisation.
/// </summary>
public class InMemoryStore : BotStore
{
    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly List<AuditRecord> _audit = [];
    private readonly Dictionary<(string Text, string Reason), UnansweredQuestion> _unanswered = [];
    private readonly Lock _writes = new();
    private long _etag;

    /// <summary>Creates an empty store on <paramref name="time"/>.</summary>
    public InMemoryStore(TimeProvider time)
        : base(time)
    {
    }

    /// <inheritdoc />
    public override string Description => "memory (nothing is kept after the process exits)";

    /// <inheritdoc />
    public override bool IsVolatile => true;

    /// <inheritdoc />
    public override Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public override Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var item))
            {
                found[key] = new StoredDocument(item.Json, item.ETag);
            }
        }

        return Task.FromResult<IDictionary<string, object>>(found);
    }

    /// <inheritdoc />
    public override Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var prepared = changes.Select(c => (c.Key, Value: c.Value is null ? default((string, WriteCondition)?) : StorageJson.Prepare(c.Key, c.Value))).ToList();
        lock (_writes)
        {
            foreach (var (key, value) in prepared)
            {
                var exists = _items.TryGetValue(key, out var current);
                var holds = value?.Item2 switch
                {
                    null => true,
                    { Kind: WriteConditionKind.CreateOnly } => !exists,
                    { Kind: WriteConditionKind.IfMatch } c => exists && current!.ETag == c.ETag,
                    _ => true,
                };
                if (!holds)
                {
                    throw new EtagConflictException(key, value!.Value.Item2.ETag);
                }
            }

            var now = Time.GetUtcNow();
            foreach (var (key, value) in prepared)
            {
                if (value is { } item)
                {
                    var etag = (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _items[key] = new Item(item.Item1, etag, now);
                    if (changes[key] is StoredDocument document)
                    {
                        document.ETag = etag;
                    }
                }
                else
                {
                    _items.TryRemove(key, out _);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_writes)
        {
            foreach (var key in keys)
            {
                _items.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task<int> DeleteIdleAsync(string keyPrefix, DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        lock (_writes)
        {
            foreach (var (key, item) in _items)
            {
                if (key.StartsWith(keyPrefix, StringComparison.Ordinal) && item.UpdatedAt < idleSince && _items.TryRemove(key, out _))
                {
                    deleted++;
                }
            }
        }

        return Task.FromResult(deleted);
    }

    /// <inheritdoc />
    public override Task<long> CountAsync(string keyPrefix, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)_items.Keys.Count(k => k.StartsWith(keyPrefix, StringComparison.Ordinal)));

    /// <inheritdoc />
    public override Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        lock (_audit)
        {
            _audit.AddRange(records);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_audit)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([.. _audit.Where(r => r.ConversationId == conversationId).OrderBy(r => r.At)]);
        }
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<TurnCount>> CountTurnsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        lock (_audit)
        {
            return Task.FromResult<IReadOnlyList<TurnCount>>([.. _audit.Where(r => r.At >= from && r.At < to)
                .GroupBy(r => (r.Kind, Subject: r.TopicId ?? r.DialogId))
                .Select(g => new TurnCount(g.Key.Kind, g.Key.Subject, g.LongCount()))]);
        }
    }

    /// <inheritdoc />
    public override Task<int> DeleteAuditBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        lock (_audit)
        {
            return Task.FromResult(_audit.RemoveAll(r => r.At < cutoff));
        }
    }

    /// <inheritdoc />
    public override Task RecordUnansweredAsync(IReadOnlyList<UnansweredEntry> entries, CancellationToken cancellationToken = default)
    {
        lock (_unanswered)
        {
            foreach (var entry in entries)
            {
                var key = (entry.Text, entry.ReasonCode);
                _unanswered[key] = _unanswered.TryGetValue(key, out var row)
                    ? row with { Count = row.Count + 1, LastSeen = entry.At }
                    : UnansweredQuestion.FromStored(entry.Text, entry.ReasonCode, 1, entry.At, entry.At);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<UnansweredQuestion>> ReadUnansweredAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_unanswered)
        {
            return Task.FromResult<IReadOnlyList<UnansweredQuestion>>([.. _unanswered.Values.Where(r => r.LastSeen >= since)
                .OrderByDescending(r => r.Count).ThenByDescending(r => r.LastSeen).ThenBy(r => r.Text, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public override Task<int> DeleteUnansweredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        lock (_unanswered)
        {
            var old = _unanswered.Where(p => p.Value.LastSeen < cutoff).Select(p => p.Key).ToList();
            old.ForEach(k => _unanswered.Remove(k));
            return Task.FromResult(old.Count);
        }
    }

    private sealed record Item(string Json, string ETag, DateTimeOffset UpdatedAt);
}
