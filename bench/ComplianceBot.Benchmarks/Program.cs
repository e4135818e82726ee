using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ComplianceBot.Benchmarks.MatchingBenchmarks).Assembly).Run(args);
