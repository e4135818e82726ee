using Microsoft.Data.Sqlite;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// A temporary folder for a test's SQLite database (<c>&lt;temp&gt;/cb-&lt;name&gt;-&lt;guid&gt;</c>, created by the store on
/// first use). Disposing clears every SQLite connection pool first, so that no pooled connection still holds the file
/// open, and then deletes the folder.
/// </summary>
public sealed class TempSqliteFolder : IDisposable
{
    /// <param name="name">A short word naming the test class, part of the folder's name.</param>
    public TempSqliteFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cb-{name}-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The folder's full path; it may not exist yet.</summary>
    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> inside the folder.</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Host settings that store conversation state, audit and unanswered questions in <paramref name="database"/>.</summary>
    public Dictionary<string, string?> Settings(string database = "state.db") => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:ConnectionString"] = $"Data Source={File(database)}",
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
