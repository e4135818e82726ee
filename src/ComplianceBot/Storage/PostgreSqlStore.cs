using System.Data.Common;
using Npgsql;

namespace ComplianceBot.Storage;

/// <summary>
/// The provider for several instances: a PostgreSQL database through Npgsql (pooled data source). The application
/// creates and migrates its tables at start-up (<c>schema_version</c> records each migration; an advisory lock lets
/// several instances start at once); the database and the role must exist.
/// </summary>
public sealed class PostgreSqlStore : SqlStore
{
    private const long SchemaLockId = 0x436f6d706c6942; // any constant shared by every instance
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store from an Npgsql connection string.</summary>
    /// <exception cref="ArgumentException">The connection string is not one Npgsql understands.</exception>
    public PostgreSqlStore(string connectionString, TimeProvider time)
        : base(time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE items (key TEXT PRIMARY KEY, etag TEXT NOT NULL, document TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            "CREATE INDEX items_updated_at ON items (updated_at)",
            """
            CREATE TABLE audit (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at BIGINT NOT NULL, channel TEXT NOT NULL,
                conversation_id TEXT NOT NULL, user_hash TEXT NOT NULL, text TEXT, kind TEXT NOT NULL, decision TEXT NOT NULL, topic_id TEXT,
                confidence DOUBLE PRECISION, dialog_id TEXT, slot_id TEXT, verdict TEXT, facts TEXT NOT NULL, citations TEXT NOT NULL,
                content_version TEXT NOT NULL)
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
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({SchemaLockId})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override string Unreachable(Exception error) =>
        $"Cannot use the PostgreSQL store {Description}: {error.Message} Check Storage:ConnectionString, that the server is running and that the database and role exist.";

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
