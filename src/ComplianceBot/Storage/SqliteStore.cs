using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ComplianceBot.Storage;

/// <summary>
/// The default provider: a SQLite file (Microsoft.Data.Sqlite), created with its folder on first run. Write-ahead
/// logging (readers never wait for the writer), <c>synchronous=NORMAL</c> (a committed turn survives a crash of the
/// process; only an operating-system crash may lose the last moments), pooled connections (configured once each, when
/// first opened, not on every use), and one writer at a time
/// within the process (SQLite allows one; queueing in the process avoids its busy-retry sleeps). Deleted rows are
/// overwritten (<c>secure_delete</c>), so expired conversations and audit records do not linger in free pages.
/// The statements of a turn (reading and writing state, the audit trail, unanswered questions) run on connections the
/// store keeps open (at most <see cref="KeptConnections"/> idle), each statement prepared once per connection.
/// </summary>
/// <remarks>One host per file: several instances need <see cref="PostgreSqlStore"/>.</remarks>
public sealed class SqliteStore : SqlStore
{
    /// <summary>
    /// The physical connections (SQLite handles, kept open by the pool between uses) whose per-connection settings are
    /// already applied. The settings live as long as the handle, so they are applied once per handle rather than on
    /// each of the two opens a turn makes; a handle the pool closes drops out of the table with it.
    /// </summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ConcurrentBag<Kept> _idle = [];
    private int _configuredConnections;
    private int _statementsPrepared;
    private volatile bool _disposed;

    /// <summary>
    /// How many idle connections (with their prepared statements) the store keeps for the statements of turns. Reads and
    /// writes run synchronously inside SQLite, so only about as many run at once as there are cores; more connections
    /// would only hold more page caches.
    /// </summary>
    public const int KeptConnections = 4;

    /// <summary>Creates the store from a connection string whose <c>Data Source</c> is resolved against <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ArgumentException">The connection string has no file <c>Data Source</c>.</exception>
    public SqliteStore(string connectionString, string contentRoot, TimeProvider time)
        : base(time)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException($"Storage:ConnectionString for SQLite needs a file as Data Source, e.g. \"{StorageOptions.DefaultSqliteConnectionString}\"; found \"{connectionString}\".", nameof(connectionString));
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        builder.Pooling = true;
        DatabasePath = builder.DataSource;
        _connectionString = builder.ToString();
    }

    /// <summary>Page cache of each pooled connection, in KiB (SQLite's default is 2,000).</summary>
    public const int PageCacheKiB = 256;

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public override string Description => "SQLite " + DatabasePath;

    /// <inheritdoc />
    protected override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE items (key TEXT PRIMARY KEY, etag TEXT NOT NULL, document TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            "CREATE INDEX items_updated_at ON items (updated_at)",
            """
            CREATE TABLE audit (id INTEGER PRIMARY KEY, at BIGINT NOT NULL, channel TEXT NOT NULL, conversation_id TEXT NOT NULL,
                user_hash TEXT NOT NULL, text TEXT, kind TEXT NOT NULL, decision TEXT NOT NULL, topic_id TEXT, confidence DOUBLE PRECISION,
                dialog_id TEXT, slot_id TEXT, verdict TEXT, facts TEXT NOT NULL, citations TEXT NOT NULL, content_version TEXT NOT NULL)
            """,
            "CREATE INDEX audit_at ON audit (at)",
            "CREATE INDEX audit_conversation ON audit (conversation_id, at)",
            """
            CREATE TABLE unanswered (text TEXT NOT NULL, reason TEXT NOT NULL, count INTEGER NOT NULL,
                first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, PRIMARY KEY (text, reason))
            """,
        ],
    ];

    /// <inheritdoc />
    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await using (var connection = await OpenAsync(cancellationToken))
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL"; // kept in the file: every later connection uses it
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new InvalidOperationException(Unreachable(ex), ex);
        }

        await base.InitializeAsync(cancellationToken);
    }

    /// <summary>How many physical connections this store has configured (its PRAGMAs ran once on each).</summary>
    internal int ConfiguredConnections => Volatile.Read(ref _configuredConnections);

    /// <summary>How many statements the store has prepared for turns' reads and writes (each is prepared once per kept connection).</summary>
    internal int StatementsPrepared => Volatile.Read(ref _statementsPrepared);

    /// <summary>The connection every operation of this store uses (pooled, configured), for tests of its settings.</summary>
    /// <remarks>An idle kept connection when there is one (it is no longer kept: disposing it hands it back to the pool), else a pooled one.</remarks>
    internal async ValueTask<DbConnection> OpenConfiguredAsync(CancellationToken cancellationToken = default)
    {
        if (_idle.TryTake(out var kept))
        {
            foreach (var statement in kept.Statements.Values)
            {
                await statement.DisposeAsync();
            }

            return kept.Connection;
        }

        return await OpenAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        var handle = connection.Handle!;
        if (Configured.TryGetValue(handle, out _))
        {
            return connection; // a pooled connection keeps the settings below
        }

        try
        {
            await using var pragmas = connection.CreateCommand();
            // cache_size: each pooled connection keeps its own page cache (SQLite's default, 2 MB, filled as the file grows);
            // with one connection per concurrent request that grew the host's resident memory by several MB per 10,000
            // conversations until every cache was full. A small cache per connection bounds that: the operating system's
            // file cache serves the pages anyway.
            pragmas.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON; PRAGMA cache_size = -{PageCacheKiB}";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync(); // not marked: the next use of this handle tries again
            throw;
        }

        Configured.AddOrUpdate(handle, handle);
        Interlocked.Increment(ref _configuredConnections);
        return connection;
    }

    /// <inheritdoc />
    /// <remarks>A connection the store keeps, with the statements already prepared on it; a new one (configured once) when none is idle.</remarks>
    protected override async ValueTask<StatementLease> LeaseAsync(CancellationToken cancellationToken)
    {
        if (!_idle.TryTake(out var kept))
        {
            kept = new Kept(await OpenAsync(cancellationToken), new Dictionary<string, DbCommand>(StringComparer.Ordinal));
        }

        return new StatementLease(kept.Connection, kept.Statements, ReturnAsync, () => Interlocked.Increment(ref _statementsPrepared));
    }

    private ValueTask ReturnAsync(StatementLease lease)
    {
        var kept = new Kept(lease.Connection, lease.Kept!);
        if (!_disposed && kept.Connection.State == System.Data.ConnectionState.Open && _idle.Count < KeptConnections)
        {
            _idle.Add(kept);
            return ValueTask.CompletedTask;
        }

        return kept.CloseAsync();
    }

    /// <inheritdoc />
    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Release(_writer);
    }

    /// <inheritdoc />
    protected override string Unreachable(Exception error) =>
        $"Cannot open the SQLite store {DatabasePath}: {error.Message} Check that the folder is writable, or set Storage:ConnectionString (\"Data Source=<file>\").";

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var kept))
        {
            await kept.CloseAsync();
        }

        SqliteConnection.ClearPool(new SqliteConnection(_connectionString)); // closes the file (and folds the write-ahead log into it)
        _writer.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A connection the store keeps open, with the statements prepared on it (by SQL text).</summary>
    private sealed record Kept(DbConnection Connection, Dictionary<string, DbCommand> Statements)
    {
        public async ValueTask CloseAsync()
        {
            foreach (var statement in Statements.Values)
            {
                await statement.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
