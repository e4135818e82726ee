namespace ComplianceBot.Tests.Support;

/// <summary>A temporary copy of the repository's content folders (<c>&lt;temp&gt;/knowledge</c>), deleted on dispose.</summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "cb-host-tests-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepoRoot, "knowledge"), KnowledgePath);
        if (Directory.Exists(Path.Combine(RepoRoot, "dialogs")))
        {
            Copy(Path.Combine(RepoRoot, "dialogs"), DialogsPath);
        }
    }

    /// <summary>The repository root (the folder holding ComplianceBot.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    public string Root { get; }

    public string KnowledgePath => Path.Combine(Root, "knowledge");

    public string DialogsPath => Path.Combine(Root, "dialogs");

    /// <summary>Settings that point a <see cref="BotServer"/> at this copy.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Content:KnowledgePath"] = KnowledgePath,
        ["Content:DialogsPath"] = DialogsPath,
    };

    public string PathOf(string relative) => Path.Combine(KnowledgePath, relative);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (ComplianceBot.sln) not found above " + AppContext.BaseDirectory);
    }
}
