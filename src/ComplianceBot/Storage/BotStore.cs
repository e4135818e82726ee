using ComplianceBot.Audit;
using ComplianceBot.Reporting;
using Microsoft.Bot.Builder;

namespace ComplianceBot.Storage;

/// <summary>
/// The one store of a host, chosen by <see cref="StorageOptions.Provider"/>: an <see cref="IStorage"/> for conversation
/// state and Slack de-duplication (documents with ETags, see <see cref="StoredDocument"/>), plus the audit trail and the
/// unanswered questions. Providers: <see cref="SqliteStore"/>, <see cref="PostgreSqlStore"/>, <see cref="InMemoryStore"/>.
/// </summary>
/// <remarks>
/// IStorage contract, the same for every provider (pinned by one conformance test suite): reading returns each found key
/// as a <see cref="StoredDocument"/>; writing a store item (an <see cref="IStoreItem"/>, or a JSON object with an
/// <c>eTag</c> member) with ETag <c>*</c> overwrites, with null creates only when the key is free, with any other ETag
/// succeeds only while the item still has it; a value that is not a store item is written unconditionally; a write of
/// several items is all or nothing (SQL providers); a refused write throws <see cref="EtagConflictException"/>; after a
/// write succeeded, each <see cref="StoredDocument"/> it wrote carries the item's new ETag (the next conditional write
/// needs no read). Thread-safe.
/// </remarks>
public abstract class BotStore : IStorage, IAsyncDisposable, IDisposable
{
    /// <summary>Creates the store on <paramref name="time"/> (the clock of "last written" times).</summary>
    protected BotStore(TimeProvider time)
    {
        Time = time;
    }

    /// <summary>The clock of "last written" times.</summary>
    protected TimeProvider Time { get; }

    /// <summary>What and where the store is, for messages and reports (never a password), e.g. <c>SQLite /srv/bot/data/state.db</c>.</summary>
    public abstract string Description { get; }

    /// <summary>True when nothing survives the process (the memory provider).</summary>
    public virtual bool IsVolatile => false;

    /// <summary>Creates or migrates the schema (idempotent; several instances may call it at once).</summary>
    /// <exception cref="InvalidOperationException">The store cannot be reached or its schema is newer than this application's; the message says what to do.</exception>
    public abstract Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    /// <exception cref="EtagConflictException">An item's ETag condition does not hold; nothing of this call was written.</exception>
    public abstract Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default);

    /// <summary>Deletes the items whose key starts with <paramref name="keyPrefix"/> and that were last written before <paramref name="idleSince"/>; returns how many.</summary>
    public abstract Task<int> DeleteIdleAsync(string keyPrefix, DateTimeOffset idleSince, CancellationToken cancellationToken = default);

    /// <summary>How many items have a key starting with <paramref name="keyPrefix"/>.</summary>
    public abstract Task<long> CountAsync(string keyPrefix, CancellationToken cancellationToken = default);

    /// <summary>Appends audit records (all or nothing).</summary>
    public abstract Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The audit records of conversation <paramref name="conversationId"/>, oldest first.</summary>
    public abstract Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Audited turns from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), counted by outcome and topic or check.</summary>
    public abstract Task<IReadOnlyList<TurnCount>> CountTurnsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Deletes audit records older than <paramref name="cutoff"/>; returns how many.</summary>
    public abstract Task<int> DeleteAuditBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Counts each entry once more for its (text, reason), keeping when it was first and last asked.</summary>
    public abstract Task RecordUnansweredAsync(IReadOnlyList<UnansweredEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="records"/> to the audit trail and counts <paramref name="unanswered"/>, as
    /// <see cref="AppendAuditAsync"/> then <see cref="RecordUnansweredAsync"/> do (the SQL providers in one transaction).
    /// </summary>
    public virtual async Task AppendTurnRecordsAsync(IReadOnlyList<AuditRecord> records, IReadOnlyList<UnansweredEntry> unanswered,
        CancellationToken cancellationToken = default)
    {
        await AppendAuditAsync(records, cancellationToken);
        await RecordUnansweredAsync(unanswered, cancellationToken);
    }

    /// <summary>The unanswered questions last asked at or after <paramref name="since"/>, most frequent first (then most recent, then by text).</summary>
    public abstract Task<IReadOnlyList<UnansweredQuestion>> ReadUnansweredAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Deletes unanswered questions last asked before <paramref name="cutoff"/>; returns how many.</summary>
    public abstract Task<int> DeleteUnansweredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the store (a synchronous container disposal, e.g. the command line's).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A new, unique ETag.</summary>
    protected static string NewETag() => Guid.NewGuid().ToString("N");
}
