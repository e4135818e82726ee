using BenchmarkDotNet.Running;
using ComplianceBot.Benchmarks;

// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- latency          (per-question distribution)
if (args is ["latency", ..])
{
    LatencyReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
