using BenchmarkDotNet.Attributes;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>Loading, validating and indexing the whole content: the cost of a start-up or a hot reload.</summary>
[MemoryDiagnoser]
public class LoadingBenchmarks
{
    [Benchmark]
    public ServedContent LoadAndIndex() => ServedContent.Create(ContentLoader.Load(Paths.Knowledge, dialogsDirectory: Paths.Dialogs).Content!, new MatcherOptions());
}
