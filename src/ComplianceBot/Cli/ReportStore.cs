using ComplianceBot.Storage;

namespace ComplianceBot.Cli;

/// <summary>The store the <c>report</c> commands read: the one the running bot writes (<c>Storage</c> settings), or the SQLite file named by <c>--db</c>.</summary>
public static class ReportStore
{
    /// <summary>
    /// Opens the store; null when there is nothing to read yet (a SQLite file that does not exist, which is not created).
    /// </summary>
    /// <exception cref="InvalidOperationException">The store is the memory one (nothing is kept), or cannot be reached.</exception>
    public static async Task<BotStore?> OpenAsync(FileInfo? database, CancellationToken cancellationToken)
    {
        var (root, configuration) = ConsoleServices.ReadConfiguration();
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.SectionName).Bind(options);
        if (database is not null)
        {
            options = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={database.FullName}" };
        }

        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        if (options.Provider == StorageProvider.Memory)
        {
            throw new InvalidOperationException("Storage:Provider is Memory: the bot keeps nothing after it exits, so there is nothing to report. Use Sqlite or PostgreSql.");
        }

        var store = StoreFactory.Create(options, root, TimeProvider.System);
        if (store is SqliteStore sqlite && !File.Exists(sqlite.DatabasePath))
        {
            await store.DisposeAsync();
            return null;
        }

        await store.InitializeAsync(cancellationToken);
        return store;
    }

    /// <summary>Where the report reads from, for its heading: the store's description, or the SQLite file that does not exist yet.</summary>
    public static string Describe(BotStore? store, FileInfo? database)
    {
        if (store is not null)
        {
            return store.Description;
        }

        var (root, configuration) = ConsoleServices.ReadConfiguration();
        var connection = database is not null ? $"Data Source={database.FullName}" : configuration["Storage:ConnectionString"] is { Length: > 0 } c ? c : StorageOptions.DefaultSqliteConnectionString;
        return "SQLite " + Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource, root);
    }
}
