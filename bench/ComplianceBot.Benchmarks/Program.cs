using BenchmarkDotNet.Running;
using ComplianceBot.Benchmarks;

// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- latency          (per-question distribution)
// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- long [lengths...] (whole turn vs message length)
if (args is ["long", ..])
{
    LongInputReport.Run(args.Length > 1 ? args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [2_000, 10_000, 20_000]);
    return;
}

// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- scale [sizes...]     (0 = the real content; default 0 1000 10000)
if (args is ["scale", ..])
{
    ScaleReport.Run(args.Length > 1 ? args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [0, 1_000, 10_000], rounds: 20);
    return;
}

// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- generate <topics> <folder>   (a synthetic knowledge base)
if (args is ["generate", var count, var folder])
{
    Console.WriteLine(SyntheticKnowledge.Write(Paths.Knowledge, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), folder));
    return;
}

// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- mix [seconds]    (the load test's questions: KB and us per turn, then a loop to profile)
// dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- top8 <topics> <file>   (decisions and best 8 per question, to diff before/after a matcher change)
if (args is ["top8", var topics, var file])
{
    TopDumpReport.Run(int.Parse(topics, System.Globalization.CultureInfo.InvariantCulture), file);
    return;
}

if (args is ["mix", ..])
{
    TurnMixReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
    return;
}

if (args is ["latency", ..])
{
    LatencyReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
