namespace ComplianceBot.Core.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (ComplianceBot.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Dialogs => Path.Combine(Root, "dialogs");

    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>
    /// Copies the real knowledge and dialogs folders to a fresh temporary folder (as <c>&lt;temp&gt;/knowledge</c> and
    /// <c>&lt;temp&gt;/dialogs</c>) and returns the knowledge folder.
    /// </summary>
    public static string CopyContent()
    {
        var knowledge = CopyKnowledge();
        var target = Path.Combine(Path.GetDirectoryName(knowledge)!, "dialogs");
        foreach (var file in Directory.EnumerateFiles(Dialogs, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Dialogs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return knowledge;
    }

    /// <summary>Copies the real knowledge folder to a fresh temporary folder (as <c>&lt;temp&gt;/knowledge</c>) and returns it.</summary>
    public static string CopyKnowledge()
    {
        var root = Path.Combine(Path.GetTempPath(), "cb-tests-" + Guid.NewGuid().ToString("N"));
        var target = Path.Combine(root, "knowledge");
        foreach (var file in Directory.EnumerateFiles(Knowledge, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
