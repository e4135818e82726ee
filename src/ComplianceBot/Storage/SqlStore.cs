using System.Data.Common;
using System.Text.Json;
using ComplianceBot.Audit;
using ComplianceBot.Reporting;

namespace ComplianceBot.Storage;

/// <summary>
/// The SQL of <see cref="BotStore"/>, shared by <see cref="SqliteStore"/> and <see cref="PostgreSqlStore"/> (their SQL
/// is the same apart from the schema's column types): tables <c>items</c> (key, etag, document, updated_at),
/// <c>audit</c>, <c>unanswered</c> and <c>schema_version</c>; times are Unix milliseconds (UTC).
/// </summary>
public abstract class SqlStore : BotStore
{
    /// <summary>The read of one key (a turn reads its conversation's state): fixed text, so nothing is built per turn.</summary>
    private const string ReadOneSql = "SELECT key, etag, document FROM items WHERE key IN (@k0)";

    private static readonly string[] OneKey = ["@k0"];

    private const string DeleteOneSql = "DELETE FROM items WHERE key = @key";

    private const string OverwriteSql = """
        INSERT INTO items (key, etag, document, updated_at) VALUES (@key, @etag, @document, @now)
        ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_at = excluded.updated_at
        """;

    private const string CreateOnlySql = "INSERT INTO items (key, etag, document, updated_at) VALUES (@key, @etag, @document, @now) ON CONFLICT (key) DO NOTHING";

    private const string UpdateIfSql = "UPDATE items SET etag = @etag, document = @document, updated_at = @now WHERE key = @key AND etag = @old";

    private const string AppendAuditSql = """
        INSERT INTO audit (at, channel, conversation_id, user_hash, text, kind, decision, topic_id, confidence, dialog_id, slot_id, verdict, facts, citations, content_version)
        VALUES (@at, @channel, @conversation, @user, @text, @kind, @decision, @topic, @confidence, @dialog, @slot, @verdict, @facts, @citations, @version)
        """;

    private static readonly string[] AuditParameters =
        ["@at", "@channel", "@conversation", "@user", "@text", "@kind", "@decision", "@topic", "@confidence", "@dialog", "@slot", "@verdict", "@facts", "@citations", "@version"];

    private const string RecordUnansweredSql = """
        INSERT INTO unanswered (text, reason, count, first_seen, last_seen) VALUES (@text, @reason, 1, @at, @at)
        ON CONFLICT (text, reason) DO UPDATE SET count = unanswered.count + 1, last_seen = excluded.last_seen
        """;

    private static readonly string[] UnansweredParameters = ["@text", "@reason", "@at"];

    /// <summary>Creates the store on <paramref name="time"/>.</summary>
    protected SqlStore(TimeProvider time)
        : base(time)
    {
    }

    /// <summary>The schema migrations in order: migration N (1-based) brings the schema to version N. Never edit a shipped one; add the next.</summary>
    protected abstract IReadOnlyList<string[]> Migrations { get; }

    /// <summary>An open connection (from the provider's pool).</summary>
    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for one of the statements a turn runs (reading and writing state, the audit trail, unanswered
    /// questions), with the statements prepared on it. By default a pooled connection whose statements last as long as
    /// the lease; <see cref="SqliteStore"/> lends connections it keeps, with their statements prepared once.
    /// </summary>
    protected virtual async ValueTask<StatementLease> LeaseAsync(CancellationToken cancellationToken) =>
        new(await OpenAsync(cancellationToken), kept: null, static lease => lease.Connection.DisposeAsync());

    /// <summary>Holds other writers of this process back until the returned handle is disposed; by default nothing (the database orders writers).</summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Within the migration's transaction, keeps other instances from migrating at the same time (PostgreSQL: an advisory lock).</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Explains a failure to reach or migrate the store, in a sentence that says what to do.</summary>
    protected abstract string Unreachable(Exception error);

    /// <inheritdoc />
    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var gate = await EnterWriteAsync(cancellationToken);
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockSchemaAsync(connection, transaction, cancellationToken);
            await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken);
            await using var read = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
            var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (current > Migrations.Count)
            {
                throw new InvalidOperationException(
                    $"The store {Description} has schema version {current}, newer than this application's ({Migrations.Count}): run the newer application, or point Storage:ConnectionString at another database.");
            }

            for (var version = current + 1; version <= Migrations.Count; version++)
            {
                foreach (var statement in Migrations[version - 1])
                {
                    await ExecuteAsync(connection, transaction, statement, cancellationToken);
                }

                await using var record = Command(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)", ("@v", version), ("@at", NowMs()));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException(Unreachable(ex), ex);
        }
    }

    /// <inheritdoc />
    public override async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        var distinct = keys.Length == 1 ? keys : keys.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return found;
        }

        await using var lease = await LeaseAsync(cancellationToken);
        var names = distinct.Length == 1 ? OneKey : distinct.Select((_, i) => "@k" + i).ToArray();
        var command = distinct.Length == 1
            ? lease.Statement(ReadOneSql, null, names)
            : lease.OneOff($"SELECT key, etag, document FROM items WHERE key IN ({string.Join(", ", names)})", null, names);
        for (var i = 0; i < distinct.Length; i++)
        {
            StatementLease.Set(command, i, distinct[i]);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = new StoredDocument(reader.GetString(2), reader.GetString(1));
        }

        return found;
    }

    /// <inheritdoc />
    public override async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var prepared = changes.Select(c => (c.Key, Value: c.Value is null ? default((string, WriteCondition)?) : StorageJson.Prepare(c.Key, c.Value))).ToList();
        using var gate = await EnterWriteAsync(cancellationToken);
        await using var lease = await LeaseAsync(cancellationToken);
        await using var transaction = prepared.Count > 1 ? await lease.Connection.BeginTransactionAsync(cancellationToken) : null;
        var now = NowMs();
        List<(StoredDocument Document, string ETag)>? documents = null;
        foreach (var (key, value) in prepared)
        {
            if (value is not { } item)
            {
                var delete = lease.Statement(DeleteOneSql, transaction, "@key");
                StatementLease.Set(delete, 0, key);
                await delete.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            var (json, condition) = item;
            var write = condition.Kind switch
            {
                WriteConditionKind.Overwrite => lease.Statement(OverwriteSql, transaction, "@key", "@etag", "@document", "@now"),
                WriteConditionKind.CreateOnly => lease.Statement(CreateOnlySql, transaction, "@key", "@etag", "@document", "@now"),
                _ => lease.Statement(UpdateIfSql, transaction, "@key", "@etag", "@document", "@now", "@old"),
            };
            var etag = NewETag();
            if (changes[key] is StoredDocument document)
            {
                (documents ??= []).Add((document, etag));
            }

            StatementLease.Set(write, 0, key);
            StatementLease.Set(write, 1, etag);
            StatementLease.Set(write, 2, json);
            StatementLease.Set(write, 3, now);
            if (condition.Kind is not (WriteConditionKind.Overwrite or WriteConditionKind.CreateOnly))
            {
                StatementLease.Set(write, 4, condition.ETag);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new EtagConflictException(key, condition.ETag); // disposing the transaction rolls the others back
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (document, etag) in documents ?? [])
        {
            document.ETag = etag; // written: the document now carries the item's ETag (BotStore's contract)
        }
    }

    /// <inheritdoc />
    public override async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        using var gate = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        var names = keys.Select((_, i) => "@k" + i).ToArray();
        await using var command = Command(connection, null, $"DELETE FROM items WHERE key IN ({string.Join(", ", names)})",
            [.. keys.Select((key, i) => (names[i], (object?)key))]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override Task<int> DeleteIdleAsync(string keyPrefix, DateTimeOffset idleSince, CancellationToken cancellationToken = default) =>
        WriteNonQueryAsync("DELETE FROM items WHERE substr(key, 1, @length) = @prefix AND updated_at < @cutoff", cancellationToken,
            ("@length", keyPrefix.Length), ("@prefix", keyPrefix), ("@cutoff", idleSince.ToUnixTimeMilliseconds()));

    /// <inheritdoc />
    public override async Task<long> CountAsync(string keyPrefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM items WHERE substr(key, 1, @length) = @prefix",
            ("@length", keyPrefix.Length), ("@prefix", keyPrefix));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default) =>
        AppendTurnRecordsAsync(records, [], cancellationToken);

    /// <inheritdoc />
    /// <remarks>One transaction for both lists, each row through a statement prepared once on the connection.</remarks>
    public override async Task AppendTurnRecordsAsync(IReadOnlyList<AuditRecord> records, IReadOnlyList<UnansweredEntry> unanswered,
        CancellationToken cancellationToken = default)
    {
        if (records.Count == 0 && unanswered.Count == 0)
        {
            return;
        }

        using var gate = await EnterWriteAsync(cancellationToken);
        await using var lease = await LeaseAsync(cancellationToken);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken);
        if (records.Count > 0)
        {
            var insert = lease.Statement(AppendAuditSql, transaction, AuditParameters);
            foreach (var r in records)
            {
                StatementLease.Set(insert, 0, r.At.ToUnixTimeMilliseconds());
                StatementLease.Set(insert, 1, r.Channel);
                StatementLease.Set(insert, 2, r.ConversationId);
                StatementLease.Set(insert, 3, r.UserHash);
                StatementLease.Set(insert, 4, r.Text);
                StatementLease.Set(insert, 5, r.Kind);
                StatementLease.Set(insert, 6, r.Decision);
                StatementLease.Set(insert, 7, r.TopicId);
                StatementLease.Set(insert, 8, r.Confidence);
                StatementLease.Set(insert, 9, r.DialogId);
                StatementLease.Set(insert, 10, r.SlotId);
                StatementLease.Set(insert, 11, r.Verdict);
                StatementLease.Set(insert, 12, JsonSerializer.Serialize(r.Facts, StorageJson.Options));
                StatementLease.Set(insert, 13, JsonSerializer.Serialize(r.Citations, StorageJson.Options));
                StatementLease.Set(insert, 14, r.ContentVersion);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (unanswered.Count > 0)
        {
            var count = lease.Statement(RecordUnansweredSql, transaction, UnansweredParameters);
            foreach (var entry in unanswered)
            {
                StatementLease.Set(count, 0, entry.Text);
                StatementLease.Set(count, 1, entry.ReasonCode);
                StatementLease.Set(count, 2, entry.At.ToUnixTimeMilliseconds());
                await count.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT at, channel, conversation_id, user_hash, text, kind, decision, topic_id, confidence, dialog_id, slot_id, verdict, facts, citations, content_version
            FROM audit WHERE conversation_id = @conversation ORDER BY at, id
            """, ("@conversation", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            records.Add(new AuditRecord
            {
                At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                Channel = reader.GetString(1),
                ConversationId = reader.GetString(2),
                UserHash = reader.GetString(3),
                Text = Text(4),
                Kind = reader.GetString(5),
                Decision = reader.GetString(6),
                TopicId = Text(7),
                Confidence = reader.IsDBNull(8) ? null : reader.GetDouble(8),
                DialogId = Text(9),
                SlotId = Text(10),
                Verdict = Text(11),
                Facts = JsonSerializer.Deserialize<SortedDictionary<string, string>>(reader.GetString(12), StorageJson.Options) ?? [],
                Citations = JsonSerializer.Deserialize<List<string>>(reader.GetString(13), StorageJson.Options) ?? [],
                ContentVersion = reader.GetString(14),
            });
        }

        return records;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<TurnCount>> CountTurnsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT kind, COALESCE(topic_id, dialog_id), COUNT(*) FROM audit WHERE at >= @from AND at < @to
            GROUP BY kind, COALESCE(topic_id, dialog_id)
            """, ("@from", from.ToUnixTimeMilliseconds()), ("@to", to.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<TurnCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new TurnCount(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)));
        }

        return counts;
    }

    /// <inheritdoc />
    public override Task<int> DeleteAuditBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        WriteNonQueryAsync("DELETE FROM audit WHERE at < @cutoff", cancellationToken, ("@cutoff", cutoff.ToUnixTimeMilliseconds()));

    /// <inheritdoc />
    public override Task RecordUnansweredAsync(IReadOnlyList<UnansweredEntry> entries, CancellationToken cancellationToken = default) =>
        AppendTurnRecordsAsync([], entries, cancellationToken);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<UnansweredQuestion>> ReadUnansweredAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT text, reason, count, first_seen, last_seen FROM unanswered WHERE last_seen >= @since ORDER BY count DESC, last_seen DESC, text",
            ("@since", since.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<UnansweredQuestion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(UnansweredQuestion.FromStored(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return rows;
    }

    /// <inheritdoc />
    public override Task<int> DeleteUnansweredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        WriteNonQueryAsync("DELETE FROM unanswered WHERE last_seen < @cutoff", cancellationToken, ("@cutoff", cutoff.ToUnixTimeMilliseconds()));

    private async Task<int> WriteNonQueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var gate = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command with named parameters (<c>@name</c>, the same in both providers); null values become SQL NULL.</summary>
    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            if (!sql.Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
