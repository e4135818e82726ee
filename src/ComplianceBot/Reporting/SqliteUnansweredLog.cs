using System.Globalization;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Reporting;

/// <summary>
/// Records unanswered questions in a local SQLite file, one row per (text, reason) with a count and first/last time
/// seen. What is kept: the question with personal data redacted, then normalised (<see cref="PersonalDataRedactor"/>:
/// emails, web addresses, phone numbers and other long numbers, anything after "password"), the reason, the count
/// and two times; no user or conversation identity. Free text may still contain what people typed (a name, say), so
/// rows are deleted <see cref="UnansweredOptions.RetentionDays"/> after they were last seen. A fallback that declined
/// an out-of-scope question on purpose is recorded as <c>declined: &lt;group&gt;</c>, apart from the gaps in the content.
/// Read by <c>report unanswered</c> so the compliance team can add phrasings or topics.
/// </summary>
/// <remarks>Thread-safe. <see cref="Record"/> never throws: a storage failure is logged and the turn goes on.</remarks>
public sealed class SqliteUnansweredLog : IUnansweredLog
{
    private const string DeclinedPrefix = "declined: ";

    private readonly string _connectionString;
    private readonly int _maxTextLength;
    private readonly TimeSpan _retention;
    private readonly ILogger<SqliteUnansweredLog> _logger;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private bool _created;

    /// <summary>Creates the log over the database at <paramref name="databasePath"/> (created on first write).</summary>
    /// <param name="databasePath">Absolute path of the SQLite file.</param>
    /// <param name="maxTextLength">Longest text kept, in characters (after redaction).</param>
    /// <param name="retentionDays">Days a row is kept after it was last seen (1 or more).</param>
    /// <param name="logger">Where storage failures are reported.</param>
    /// <param name="time">Clock for the first/last seen times and the retention.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retentionDays"/> is less than 1.</exception>
    public SqliteUnansweredLog(string databasePath, int maxTextLength, int retentionDays, ILogger<SqliteUnansweredLog> logger, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        _maxTextLength = maxTextLength;
        _retention = TimeSpan.FromDays(retentionDays);
        _logger = logger;
        _time = time;
    }

    /// <summary>Creates the log from the <c>Unanswered</c> settings, resolving a relative path against the content root.</summary>
    public SqliteUnansweredLog(IOptions<UnansweredOptions> options, IHostEnvironment environment,
        ILogger<SqliteUnansweredLog> logger, TimeProvider time)
        : this(System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath), options.Value.MaxTextLength,
            options.Value.RetentionDays, logger, time)
    {
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public void Record(string typedText, UnansweredReason reason, string? declinedAs = null)
    {
        var original = typedText.Trim();
        var text = PersonalDataRedactor.Redact(original); // on the text as typed: normalising first hides addresses
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
                DeleteExpired(connection);
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO unanswered (text, reason, count, first_seen, last_seen) VALUES ($text, $reason, 1, $now, $now)
                    ON CONFLICT (text, reason) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen
                    """;
                command.Parameters.AddWithValue("$text", text);
                command.Parameters.AddWithValue("$reason", ReasonCode(reason, declinedAs));
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
    /// The unanswered questions seen within the retention period, most frequent first (then most recent): at most
    /// <paramref name="limit"/> gaps and at most <paramref name="limit"/> deliberate declines. Rows past the
    /// retention period are deleted first. Empty when nothing was recorded yet (no database file).
    /// </summary>
    /// <param name="limit">How many of each kind to return (1 or more).</param>
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
            DeleteExpired(connection);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT text, reason, count, first_seen, last_seen FROM unanswered ORDER BY count DESC, last_seen DESC, text";
            using var reader = command.ExecuteReader();
            var rows = new List<UnansweredQuestion>();
            while (reader.Read())
            {
                var (why, declinedAs) = ParseReason(reader.GetString(1));
                rows.Add(new UnansweredQuestion(reader.GetString(0), why, reader.GetInt32(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture), declinedAs));
            }

            var top = Math.Max(1, limit);
            return [.. rows.Where(r => r.IsGap).Take(top), .. rows.Where(r => !r.IsGap).Take(top)];
        }
    }

    /// <summary>The reason as stored and printed: <c>fell-back</c>, <c>clarified</c>, or <c>declined: &lt;group&gt;</c> for a deliberate decline.</summary>
    public static string ReasonCode(UnansweredReason reason, string? declinedAs = null) =>
        reason == UnansweredReason.Clarified ? "clarified" : declinedAs is null ? "fell-back" : DeclinedPrefix + declinedAs;

    private static (UnansweredReason Reason, string? DeclinedAs) ParseReason(string code) =>
        code == "clarified" ? (UnansweredReason.Clarified, null)
        : code.StartsWith(DeclinedPrefix, StringComparison.Ordinal) ? (UnansweredReason.FellBack, code[DeclinedPrefix.Length..])
        : (UnansweredReason.FellBack, null);

    private void DeleteExpired(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM unanswered WHERE last_seen < $cutoff";
        command.Parameters.AddWithValue("$cutoff", (_time.GetUtcNow() - _retention).ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open(bool create)
    {
        if (create && System.IO.Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var secure = connection.CreateCommand())
        {
            secure.CommandText = "PRAGMA secure_delete = ON"; // deleted (expired) rows are overwritten, not left in free pages
            secure.ExecuteNonQuery();
        }

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
