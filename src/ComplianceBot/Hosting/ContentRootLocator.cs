namespace ComplianceBot.Hosting;

/// <summary>
/// Finds the folder that holds <c>appsettings.json</c> and <c>knowledge/</c> (the repository root in development),
/// so the bot starts the same whether launched from the root, from <c>src/ComplianceBot</c> or from its bin folder.
/// </summary>
public static class ContentRootLocator
{
    /// <summary>Environment variable that names the content root explicitly.</summary>
    public const string EnvironmentVariable = "COMPLIANCEBOT_ROOT";

    /// <summary>
    /// Returns, in order of preference: <c>COMPLIANCEBOT_ROOT</c>; the current directory or the nearest parent of it
    /// that has a <c>knowledge</c> folder; the nearest such parent of the application's base directory; otherwise the
    /// current directory.
    /// </summary>
    public static string Find()
    {
        var explicitRoot = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        return Search(Directory.GetCurrentDirectory()) ?? Search(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
    }

    private static string? Search(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "knowledge")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
