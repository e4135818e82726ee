using Npgsql;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// Fresh PostgreSQL databases for tests, on the server named by <c>COMPLIANCEBOT_TEST_POSTGRES</c> (an Npgsql
/// connection string of a role allowed to create databases; <c>./test.sh</c> starts a throwaway server and sets it).
/// Without a reachable server the tests fail, saying what is missing: they are never skipped.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    public const string Variable = "COMPLIANCEBOT_TEST_POSTGRES";

    private readonly List<string> _databases = [];
    private string? _server;

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run ./test.sh (it installs PostgreSQL from Debian's packages when missing and starts a throwaway cluster), "
                + $"or set {Variable} to an Npgsql connection string of a role that may create databases, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\".");
        }

        try
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL server of {Variable} ({new NpgsqlConnectionStringBuilder(_server) { Password = null }}) is not usable: {ex.Message} "
                + "Start it (./test.sh does) or fix the connection string.", ex);
        }

    }

    /// <summary>Creates an empty database and returns its connection string; it is dropped when the fixture is disposed.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var database = "cb_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(database);
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = database }.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_server is null || _databases.Count == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        foreach (var database in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
