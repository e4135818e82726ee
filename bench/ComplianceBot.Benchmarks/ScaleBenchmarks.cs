using BenchmarkDotNet.Attributes;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// Matching at scale: one English and one Chinese question about a generated topic, against the real knowledge base
/// (<see cref="Topics"/> = 0) or one with 1,000 or 10,000 synthetic topics (<see cref="SyntheticKnowledge"/>, written
/// once per count into a temporary folder in <see cref="Setup"/>).
/// </summary>
/// <remarks><c>dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- --filter '*ScaleMatching*' --job short</c></remarks>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class ScaleMatchingBenchmarks
{
    private TopicMatcher _matcher = null!;
    private string _english = string.Empty;
    private string _chinese = string.Empty;

    /// <summary>Generated topics on top of the real ones (0: the real content alone).</summary>
    [ParamsSource(typeof(ScaleContent), nameof(ScaleContent.TopicCounts))]
    public int Topics { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = ScaleContent.Folder(Topics);
        _matcher = ServedContent.Create(ContentLoader.Load(folder, dialogsDirectory: Paths.Dialogs).Content!, new MatcherOptions()).TopicsMatcher;
        (_english, _chinese) = Topics == 0
            ? ("r we alowed to let a contracter use our mpls line", "公司怎么申请跨境专线")
            : (SyntheticKnowledge.Question(Topics / 3), SyntheticKnowledge.QuestionZh(Topics / 3));
    }

    [Benchmark]
    public MatchResult MatchEnglish() => _matcher.Match(_english);

    [Benchmark]
    public MatchResult MatchChinese() => _matcher.Match(_chinese);
}

/// <summary>
/// Loading, validating (including the phrasing-collision check) and indexing the real content or content with 1,000 or
/// 10,000 synthetic topics: start-up and hot-reload cost, time and allocations.
/// </summary>
/// <remarks><c>dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- --filter '*ScaleLoading*' --job short</c></remarks>
[MemoryDiagnoser]
public class ScaleLoadingBenchmarks
{
    private string _folder = string.Empty;

    /// <summary>Generated topics on top of the real ones (0: the real content alone).</summary>
    [ParamsSource(typeof(ScaleContent), nameof(ScaleContent.TopicCounts))]
    public int Topics { get; set; }

    [GlobalSetup]
    public void Setup() => _folder = ScaleContent.Folder(Topics);

    [Benchmark]
    public ServedContent LoadAndIndex() => ServedContent.Create(ContentLoader.Load(_folder, dialogsDirectory: Paths.Dialogs).Content!, new MatcherOptions());
}

/// <summary>The knowledge folder for a topic count: the repository's for 0, else a generated copy in the temporary folder.</summary>
public static class ScaleContent
{
    /// <summary>0, 1,000 and 10,000, or the comma-separated counts in the environment variable SCALE_TOPICS.</summary>
    public static IEnumerable<int> TopicCounts() =>
        Environment.GetEnvironmentVariable("SCALE_TOPICS") is { Length: > 0 } counts
            ? counts.Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))
            : [0, 1000, 10000];

    /// <summary>The folder to load for <paramref name="topics"/> generated topics.</summary>
    public static string Folder(int topics) => topics == 0
        ? Paths.Knowledge
        : SyntheticKnowledge.Write(Paths.Knowledge, topics, Path.Combine(Path.GetTempPath(), $"compliancebot-bench-kb-{topics}"));
}
