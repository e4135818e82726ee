namespace ComplianceBot.Storage;

/// <summary>Where conversation state, Slack de-duplication, the unanswered log and the audit trail are kept (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file (default <c>data/state.db</c>, created on first run): one host, survives restarts.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (Npgsql): several hosts share it; the schema is created and migrated at start-up.</summary>
    PostgreSql,

    /// <summary>The process's memory: lost at exit. For tests and benchmarks only.</summary>
    Memory,
}
