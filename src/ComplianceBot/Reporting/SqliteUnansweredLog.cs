using System.Globalization;
using ComplianceBot.Core.Conversation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Reporting;

/// <summary>
/// Records unanswered questions in a local SQLite file, one row per (normalised text, reason) with a count and
/// first/last time seen: nothing that identifies a user or a conversation is stored. Read by
/// <c>report unanswered</c> so the compliance team can add phrasings or topics.
/// </summary>
/// <remarks>Thread-safe. <see cref="Record"/> never throws: a storage failure is logged and the turn goes on.</remarks>
public sealed class SqliteUnansweredLog : IUnansweredLog
{
    private readonly string _connectionString;
    private readonly int _maxTextLength;
    private readonly ILogger<SqliteUnansweredLog> _logger;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private bool _created;

    /// <summary>Creates the log over the database at <paramref name="databasePath"/> (created on first write).</summary>
    /// <param name="databasePath">Absolute path of the SQLite file.</param>
    /// <param name="maxTextLength">Longest text kept, in characters.</param>
    /// <param name="logger">Where storage failures are reported.</param>
    /// <param name="time">Clock for the first/last seen times.</param>
    public SqliteUnansweredLog(string databasePath, int maxTextLength, ILogger<SqliteUnansweredLog> logger, TimeProvider time)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        _maxTextLength = maxTextLength;
        _logger = logger;
        _time = time;
    }

    /// <summary>Creates the log from the <c>Unanswered</c> settings, resolving a relative path against the content root.</summary>
    public SqliteUnansweredLog(IOptions<UnansweredOptions> options, IHostEnvironment environment, ILogger<SqliteUnansweredLog> logger, TimeProvider time)
        : this(System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath), options.Value.MaxTextLength, logger, time)
    {
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public void Record(string normalizedText, UnansweredReason reason)
    {
        var text = normalizedText.Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (text.Length > _maxTextLength)
        {
            text = text[.._maxTextLength];
        }

        try
        {
            lock (_gate)
            {
                using var connection = Open(create: true);
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO unanswered (text, reason, count, first_seen, last_seen) VALUES ($text, $reason, 1, $now, $now)
                    ON CONFLICT (text, reason) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen
                    """;
                command.Parameters.AddWithValue("$text", text);
                command.Parameters.AddWithValue("$reason", ReasonCode(reason));
                command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                command.ExecuteNonQuery();
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not record an unanswered question in {Path}", DatabasePath);
        }
    }

    /// <summary>
    /// The most frequent unanswered questions: highest count first, then most recent. Empty when nothing was
    /// recorded yet (no database file).
    /// </summary>
    /// <param name="limit">How many to return (1 or more).</param>
    /// <exception cref="SqliteException">The file exists but is not a readable database.</exception>
    public IReadOnlyList<UnansweredQuestion> MostFrequent(int limit)
    {
        if (!File.Exists(DatabasePath))
        {
            return [];
        }

        lock (_gate)
        {
            using var connection = Open(create: false);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT text, reason, count, first_seen, last_seen FROM unanswered ORDER BY count DESC, last_seen DESC, text LIMIT $limit";
            command.Parameters.AddWithValue("$limit", Math.Max(1, limit));
            using var reader = command.ExecuteReader();
            var rows = new List<UnansweredQuestion>();
            while (reader.Read())
            {
                rows.Add(new UnansweredQuestion(reader.GetString(0), ParseReason(reader.GetString(1)), reader.GetInt32(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
            }

            return rows;
        }
    }

    /// <summary>The reason as stored and printed: <c>fell-back</c> or <c>clarified</c>.</summary>
    public static string ReasonCode(UnansweredReason reason) => reason == UnansweredReason.Clarified ? "clarified" : "fell-back";

    private static UnansweredReason ParseReason(string code) => code == "clarified" ? UnansweredReason.Clarified : UnansweredReason.FellBack;

    private SqliteConnection Open(bool create)
    {
        if (create && System.IO.Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (!_created)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS unanswered (
                    text TEXT NOT NULL, reason TEXT NOT NULL, count INTEGER NOT NULL,
                    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                    PRIMARY KEY (text, reason))
                """;
            command.ExecuteNonQuery();
            _created = true;
        }

        return connection;
    }
}
