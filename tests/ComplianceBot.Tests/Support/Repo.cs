namespace ComplianceBot.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ComplianceBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (ComplianceBot.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Copies every file below <paramref name="from"/> to the same place below <paramref name="to"/>, creating folders as needed.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(file, destination);
        }
    }
}
