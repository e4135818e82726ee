using BenchmarkDotNet.Attributes;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// Matching one question against the real knowledge base: the cost a user's message pays before any reply.
/// Questions cover a direct phrasing, a typo-laden paraphrase, a Chinese question and an out-of-scope question.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class MatchingBenchmarks
{
    private TopicMatcher _matcher = null!;

    [Params(
        "Is it illegal for individuals to use paid international VPN services?",
        "r we alowed to let a contracter use our mpls line",
        "公司怎么申请跨境专线",
        "what's the weather tomorrow")]
    public string Question { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var result = ContentLoader.Load(Paths.Knowledge, dialogsDirectory: Paths.Dialogs);
        _matcher = ServedContent.Create(result.Content!, new MatcherOptions()).TopicsMatcher;
    }

    [Benchmark]
    public MatchResult Match() => _matcher.Match(Question);
}

/// <summary>Adds the 95th and 100th percentile of the measured iterations to the summary table.</summary>
internal sealed class PercentileConfig : BenchmarkDotNet.Configs.ManualConfig
{
    public PercentileConfig() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95, BenchmarkDotNet.Columns.StatisticColumn.P100);
}
