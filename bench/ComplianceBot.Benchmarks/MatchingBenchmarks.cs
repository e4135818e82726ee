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
        var result = ContentLoader.Load(Paths.Knowledge);
        _matcher = ServedContent.Create(result.Content!, new MatcherOptions()).Matcher;
    }

    [Benchmark]
    public MatchResult Match() => _matcher.Match(Question);
}
