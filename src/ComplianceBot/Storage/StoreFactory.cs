namespace ComplianceBot.Storage;

/// <summary>Creates the <see cref="BotStore"/> that <see cref="StorageOptions"/> name (used by the web host and by <c>report</c>).</summary>
public static class StoreFactory
{
    /// <summary>The store for <paramref name="options"/>; relative SQLite paths are resolved against <paramref name="contentRoot"/>. Not yet initialised.</summary>
    /// <exception cref="ArgumentException">The connection string is not usable by the chosen provider.</exception>
    public static BotStore Create(StorageOptions options, string contentRoot, TimeProvider time) => options.Provider switch
    {
        StorageProvider.Memory => new InMemoryStore(time),
        StorageProvider.PostgreSql => new PostgreSqlStore(options.ConnectionString!, time),
        _ => new SqliteStore(string.IsNullOrWhiteSpace(options.ConnectionString) ? StorageOptions.DefaultSqliteConnectionString : options.ConnectionString,
            contentRoot, time),
    };
}
