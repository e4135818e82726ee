using System.Diagnostics;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// Content at scale: for the real knowledge base and synthetic ones with 1,000 and 10,000 generated topics
/// (<see cref="SyntheticKnowledge"/>), the time to load, check and index the content until it can be served (as the
/// host does: <see cref="ContentLoader.LoadDeferringPhrasingCheck"/>), then separately the phrasing-collision lint the
/// host runs in the background (wall and CPU time), the memory the served content
/// keeps (managed heap after a full collection, minus before) and the process's peak resident memory, then matching
/// over a mix of English and Chinese questions about generated and real topics: mean, p50, p99 and max per match, and
/// bytes allocated per match; and, less sensitive to other processes on a busy machine, each question's fastest time
/// over the rounds: their mean and the slowest question's.
/// </summary>
internal static class ScaleReport
{
    public static void Run(int[] sizes, int rounds)
    {
        using var timeline = MemoryTimeline.Start();
        var real = new[] { "Is it illegal for individuals to use paid international VPN services?", "can i use a vpn in china", "公司专线可以转租吗", "what's the weather tomorrow" };
        foreach (var size in sizes)
        {
            var folder = size == 0 ? Paths.Knowledge : SyntheticKnowledge.Write(Paths.Knowledge, size, Path.Combine(Path.GetTempPath(), $"compliancebot-kb-{size}"));
            timeline.Phase($"{size}: generate");
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            timeline.Phase($"{size}: collect");
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var result = ContentLoader.LoadDeferringPhrasingCheck(folder, dialogsDirectory: Paths.Dialogs);
            var loaded = clock.Elapsed;
            timeline.Phase($"{size}: load+check");
            var loadAllocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (result.Content is null)
            {
                Console.WriteLine($"{size}: content did not load: {string.Join(Environment.NewLine, result.Messages.Take(5))}");
                continue;
            }

            var content = ServedContent.Create(result.Content, new MatcherOptions());
            var total = clock.Elapsed;
            var servedCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var servedAllocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var servedPeak = Process.GetCurrentProcess().PeakWorkingSet64;
            timeline.Phase($"{size}: index");

            // The running host serves now and runs the phrasing check (warnings only) in the background: its own cost.
            var lintClock = Stopwatch.StartNew();
            var lintCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var warnings = result.Complete().Messages.Count(m => m.Severity == ComplianceBot.Core.Validation.Severity.Warning);
            var lint = lintClock.Elapsed;
            timeline.Phase($"{size}: lint");
            lintCpu = Process.GetCurrentProcess().TotalProcessorTime - lintCpu;
            result = null;
            var kept = GC.GetTotalMemory(forceFullCollection: true) - before;
            timeline.Phase($"{size}: kept");
            var matcher = content.TopicsMatcher;
            var questions = real.Concat(Enumerable.Range(0, 50).SelectMany(i => new[] { SyntheticKnowledge.Question(i * 37 % Math.Max(1, size)), SyntheticKnowledge.QuestionZh(i * 53 % Math.Max(1, size)) }).Where(_ => size > 0)).ToList();
            foreach (var question in questions)
            {
                matcher.Match(question); // warm-up
            }

            var samples = new List<double>(questions.Count * rounds);
            var fastest = questions.Select(_ => double.MaxValue).ToArray();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < rounds; round++)
            {
                for (var q = 0; q < questions.Count; q++)
                {
                    var start = Stopwatch.GetTimestamp();
                    matcher.Match(questions[q]);
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    samples.Add(elapsed);
                    fastest[q] = Math.Min(fastest[q], elapsed);
                }
            }

            var perMatch = (GC.GetAllocatedBytesForCurrentThread() - allocated) / samples.Count;
            samples.Sort();
            double P(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p / 100 * samples.Count) - 1)];
            Console.WriteLine($"{(size == 0 ? "real" : size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),7} topics ({content.Snapshot.Knowledge.Topics.Count} in all, {matcher.DocumentCount} phrasings): " +
                              $"load+check {loaded.TotalSeconds:F1} s, +index = served {total.TotalSeconds:F1} s ({servedCpu.TotalSeconds:F1} s CPU of which {loadCpu.TotalSeconds:F1} s by load+check, {servedAllocated / 1048576.0:F0} MB allocated of which {loadAllocated / 1048576.0:F0} MB by load+check, peak RSS {servedPeak / 1048576.0:F0} MB); " +
                              $"then phrasing lint {lint.TotalSeconds:F1} s ({lintCpu.TotalSeconds:F1} s CPU, {warnings} warnings); kept {kept / 1048576.0:F0} MB, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB; " +
                              $"match mean {samples.Average():F0} us p50 {P(50):F0} us p99 {P(99):F0} us max {samples[^1]:F0} us, {perMatch / 1024.0:F1} KB allocated per match; " +
                              $"each question's fastest of {rounds} rounds: mean {fastest.Average():F0} us, slowest question {fastest.Max():F0} us");
            timeline.Phase($"{size}: match");
            GC.KeepAlive(content);
        }
    }
}
