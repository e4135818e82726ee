using BenchmarkDotNet.Running;
using ComplianceBot.Benchmarks;

// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- latency          (per-question distribution)
if (args is ["latency", ..])
{
    LatencyReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
