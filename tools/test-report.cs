// Summary of `./test.sh --repeat N`: reads the runs' folders (run-1, run-2, ... under the folder given, each with the
// trx files of `dotnet test --logger trx` and the run's wall-clock seconds in duration.txt) and prints each run's
// duration and outcome, every test that failed in any run (full name, the runs it failed in, the first line of its
// first error message) and the 10 slowest tests. Exit code 1 when a test failed in any run or a run has no results.
//   dotnet run tools/test-report.cs -- artifacts/test-runs
using System.Globalization;
using System.Xml.Linq;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run tools/test-report.cs -- <folder holding run-1, run-2, ...>");
    return 2;
}

XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
var runs = Directory.GetDirectories(args[0], "run-*")
    .Select(folder => (Folder: folder, Number: int.Parse(Path.GetFileName(folder)["run-".Length..], CultureInfo.InvariantCulture)))
    .OrderBy(run => run.Number)
    .ToList();
var results = new List<(int Run, string Test, string Outcome, TimeSpan Duration, string Message)>();
var healthy = true;

Console.WriteLine();
Console.WriteLine($"== {runs.Count} runs ==");
foreach (var (folder, number) in runs)
{
    var trx = Directory.GetFiles(folder, "*.trx", SearchOption.AllDirectories);
    foreach (var result in trx.SelectMany(file => XDocument.Load(file).Descendants(ns + "UnitTestResult")))
    {
        var message = result.Descendants(ns + "Message").FirstOrDefault()?.Value ?? string.Empty;
        results.Add((number, (string)result.Attribute("testName")!, (string)result.Attribute("outcome")!,
            TimeSpan.TryParse((string?)result.Attribute("duration"), CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero,
            message.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? string.Empty));
    }

    var seconds = File.Exists(Path.Combine(folder, "duration.txt")) ? File.ReadAllText(Path.Combine(folder, "duration.txt")).Trim() : "?";
    var ofRun = results.Where(r => r.Run == number).ToList();
    var failed = ofRun.Count(r => r.Outcome == "Failed");
    healthy &= trx.Length > 0 && failed == 0;
    Console.WriteLine($"run {number}: {seconds} s, {ofRun.Count} tests, {failed} failed{(trx.Length == 0 ? " (no results: the run did not finish)" : "")}");
}

var failures = results.Where(r => r.Outcome == "Failed").GroupBy(r => r.Test).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
Console.WriteLine();
Console.WriteLine(failures.Count == 0 ? "== No test failed in any run ==" : $"== {failures.Count} {(failures.Count == 1 ? "test" : "tests")} failed in at least one run ==");
foreach (var test in failures)
{
    Console.WriteLine(test.Key);
    Console.WriteLine($"  failed in run {string.Join(", ", test.Select(r => r.Run))} of {runs.Count}: {test.First().Message}");
}

Console.WriteLine();
Console.WriteLine("== 10 slowest tests (longest run) ==");
foreach (var test in results.GroupBy(r => r.Test).Select(g => g.MaxBy(r => r.Duration)).OrderByDescending(r => r.Duration).Take(10))
{
    Console.WriteLine($"{test.Duration.TotalSeconds,8:F1} s  run {test.Run}  {test.Test}");
}

return healthy ? 0 : 1;
