using ComplianceBot.Core.Loading;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceBot.Core.Tests.Support;

/// <summary>A temporary copy of the real knowledge folder that a test breaks on purpose; deleted on dispose.</summary>
internal sealed class KnowledgeCopy : IDisposable
{
    public KnowledgeCopy()
    {
        Path = Repo.CopyKnowledge();
    }

    /// <summary>The copied <c>knowledge</c> folder.</summary>
    public string Path { get; }

    /// <summary>The path shown in messages for <paramref name="relative"/>, e.g. <c>knowledge/topics/travelers.yaml</c>.</summary>
    public static string Shown(string relative) => "knowledge/" + relative;

    public string FullPath(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Rewrites the file at <paramref name="relative"/>; fails the test when the edit changes nothing.</summary>
    public void Edit(string relative, Func<string, string> edit)
    {
        var path = FullPath(relative);
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    /// <summary>Replaces the one occurrence of <paramref name="old"/> in the file.</summary>
    public void Replace(string relative, string old, string replacement) =>
        Edit(relative, text =>
        {
            Assert.Equal(1, CountOf(text, old));
            return text.Replace(old, replacement, StringComparison.Ordinal);
        });

    /// <summary>1-based line of the first line containing <paramref name="fragment"/> (the test fails if none does).</summary>
    public int LineOf(string relative, string fragment, int after = 0)
    {
        var lines = File.ReadAllLines(FullPath(relative));
        var index = Array.FindIndex(lines, after, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{fragment}' not found in {relative}");
        return index + 1;
    }

    /// <summary>Loads the copy on <paramref name="today"/> (default: the content's own review date, so staleness does not drift with the calendar).</summary>
    public ContentLoadResult Load(DateOnly? today = null) => ContentLoader.Load(Path, Clock(today ?? new DateOnly(2026, 11, 29)));

    public static FakeTimeProvider Clock(DateOnly day) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);

    private static int CountOf(string text, string fragment)
    {
        var count = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
