namespace ComplianceBot.Tests.Support;

/// <summary>A temporary copy of the repository's content folders (<c>&lt;temp&gt;/knowledge</c>), deleted on dispose.</summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "cb-host-tests-" + Guid.NewGuid().ToString("N"));
        Repo.CopyFolder(Repo.File("knowledge"), KnowledgePath);
        if (Directory.Exists(Repo.File("dialogs")))
        {
            Repo.CopyFolder(Repo.File("dialogs"), DialogsPath);
        }
    }

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
}
