using System.Data.Common;

namespace ComplianceBot.Storage;

/// <summary>
/// A connection lent to one store operation, with the statements that operation runs on it. On a connection the store
/// keeps (<see cref="SqliteStore"/>), each statement is prepared once and kept with the connection, so a turn's read and
/// write run already-parsed SQL; on a borrowed pooled connection (<see cref="PostgreSqlStore"/>) the statements live as
/// long as the lease. Used by one operation at a time; disposing it hands the connection back.
/// </summary>
public sealed class StatementLease : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand>? _kept;
    private readonly Func<StatementLease, ValueTask> _release;
    private readonly Action? _prepared;
    private List<DbCommand>? _temporary;

    /// <summary>Lends <paramref name="connection"/>; its statements are kept in <paramref name="kept"/> (null: disposed with the lease).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="kept">The statements already prepared on <paramref name="connection"/>, by SQL text (the lease adds to it); null to keep none.</param>
    /// <param name="release">Hands the connection back (or closes it) when the lease is disposed.</param>
    /// <param name="prepared">Called each time a statement is created (counted by the store).</param>
    internal StatementLease(DbConnection connection, Dictionary<string, DbCommand>? kept, Func<StatementLease, ValueTask> release, Action? prepared = null)
    {
        Connection = connection;
        _kept = kept;
        _release = release;
        _prepared = prepared;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The statements kept with the connection (null when none are kept).</summary>
    internal Dictionary<string, DbCommand>? Kept => _kept;

    /// <summary>
    /// The command for <paramref name="sql"/> in <paramref name="transaction"/>, with one parameter per name of
    /// <paramref name="parameterNames"/> in that order (set them with <see cref="Set"/>): the one prepared earlier on this
    /// connection when there is one, else a new one. Do not dispose it; the lease does.
    /// </summary>
    public DbCommand Statement(string sql, DbTransaction? transaction, params string[] parameterNames) => Create(sql, transaction, parameterNames, keep: true);

    /// <summary>
    /// Like <see cref="Statement"/>, for SQL built for one call (e.g. a list of keys): never kept with the connection,
    /// so the statements kept stay the few fixed ones.
    /// </summary>
    public DbCommand OneOff(string sql, DbTransaction? transaction, params string[] parameterNames) => Create(sql, transaction, parameterNames, keep: false);

    private DbCommand Create(string sql, DbTransaction? transaction, string[] parameterNames, bool keep)
    {
        if (keep && _kept is not null && _kept.TryGetValue(sql, out var command))
        {
            command.Transaction = transaction;
            return command;
        }

        command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        _prepared?.Invoke();
        if (keep && _kept is not null)
        {
            _kept[sql] = command;
        }
        else
        {
            (_temporary ??= []).Add(command);
        }

        return command;
    }

    /// <summary>Sets parameter <paramref name="index"/> of <paramref name="command"/> (in the order it was named) to <paramref name="value"/>; null becomes SQL NULL.</summary>
    public static void Set(DbCommand command, int index, object? value) => command.Parameters[index].Value = value ?? DBNull.Value;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_temporary is not null)
        {
            foreach (var command in _temporary)
            {
                await command.DisposeAsync();
            }
        }

        await _release(this);
    }
}
