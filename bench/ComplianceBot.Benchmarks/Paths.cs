namespace ComplianceBot.Benchmarks;

/// <summary>Finds the repository's content from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class Paths
{
    public static string Knowledge { get; } = Find("knowledge");

    public static string Dialogs { get; } = Find("dialogs");

    public static string Data { get; } = Find("tests/ComplianceBot.Core.Tests/Data");

    private static string Find(string folder)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ComplianceBot.sln")))
                {
                    return Path.Combine(dir.FullName, folder);
                }
            }
        }

        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");
    }
}
