using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Storage;

/// <summary>The store behind conversation state, Slack de-duplication, the unanswered log and the audit trail (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The SQLite connection string used when <see cref="ConnectionString"/> is empty: a file under <c>data/</c> of the content root.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/state.db";

    /// <summary>Which store to use. Default <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// How to reach the store. SQLite: a Microsoft.Data.Sqlite connection string whose <c>Data Source</c> is a file path,
    /// relative paths resolved against the content root (default <see cref="DefaultSqliteConnectionString"/>; the folder
    /// and file are created on first run). PostgreSQL: an Npgsql connection string, required
    /// (<c>Host=db;Port=5432;Username=bot;Password=…;Database=compliancebot</c>). Ignored for memory.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a conversation may stay idle (no message) before its state is deleted; a person who comes back to an
    /// expired check is told it was closed and offered to start again. Default 30 days; at least 1 second.
    /// </summary>
    public TimeSpan ConversationTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the background sweep deletes expired conversations, Slack delivery ids, audit records and unanswered questions. Default 1 hour; at least 1 second.</summary>
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many times a turn is decided again when its conversation's state changed between reading and saving (another
    /// instance saved a turn of the same conversation first) before the user is asked to send the message again. Default 5; 1 to 50.
    /// </summary>
    [Range(1, 50)]
    public int MaxTurnAttempts { get; set; } = 5;

    /// <summary>
    /// How many conversations' last saved states each instance keeps in memory (<see cref="ConversationStateCache"/>), so
    /// that their next turn need not read the store: the save, conditional on the kept ETag, confirms it, and a state
    /// changed elsewhere is read from the store. About 1 KB each; the least recently used go first. Default 10,000
    /// (about 10 MB: more conversations than one instance has in progress at once); 0 reads the store on every turn.
    /// 0 to 1,000,000.
    /// </summary>
    [Range(0, 1_000_000)]
    public int StateCacheEntries { get; set; } = 10_000;

    /// <summary>The problems with these settings, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add("Storage:ConnectionString is required when Storage:Provider is PostgreSql (e.g. \"Host=localhost;Port=5432;Username=bot;Password=...;Database=compliancebot\").");
        }

        if (ConversationTtl < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Storage:ConversationTtl must be at least 00:00:01 (found {ConversationTtl}).");
        }

        if (ExpiryScanInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Storage:ExpiryScanInterval must be at least 00:00:01 (found {ExpiryScanInterval}).");
        }

        return errors;
    }
}
