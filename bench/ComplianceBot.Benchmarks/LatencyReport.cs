using System.Diagnostics;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Evaluation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// The distribution of matching time over a realistic mix of questions (the project's own accuracy set, English and
/// Chinese): every question is matched once per round after a warm-up, and the per-question times give mean, p50,
/// p95, p99 and max; then the same questions as whole first turns through the assistant. BenchmarkDotNet measures single
/// questions precisely; this shows the tail across questions.
/// </summary>
internal static class LatencyReport
{
    public static void Run(int rounds = 200)
    {
        var load = Stopwatch.StartNew();
        var content = ServedContent.Create(ContentLoader.Load(Paths.Knowledge, dialogsDirectory: Paths.Dialogs).Content!, new MatcherOptions());
        load.Stop();
        var questions = new[] { "accuracy-questions.jsonl", "accuracy-questions-zh.jsonl" }
            .SelectMany(f => EvalCase.ReadJsonLines(Path.Combine(Paths.Data, f)))
            .Select(c => c.Text)
            .ToList();
        var matcher = content.TopicsMatcher;
        foreach (var question in questions)
        {
            matcher.Match(question); // warm-up: JIT, stem cache
        }

        var samples = new List<double>(questions.Count * rounds);
        var perQuestion = new double[questions.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < questions.Count; q++)
            {
                var start = Stopwatch.GetTimestamp();
                matcher.Match(questions[q]);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                samples.Add(elapsed);
                perQuestion[q] += elapsed / rounds;
            }
        }

        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p / 100 * samples.Count) - 1)];
        Console.WriteLine($"content load + index: {load.ElapsedMilliseconds} ms (first load, including JIT and dictionaries)");
        Console.WriteLine($"questions: {questions.Count} x {rounds} rounds = {samples.Count} matches");
        foreach (var (q, mean) in perQuestion.Select((m, i) => (i, m)).OrderByDescending(x => x.m).Take(5))
        {
            Console.WriteLine($"slowest: {mean,8:F1} us  {questions[q]}");
        }

        var analyze = new List<double>(samples.Count);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var start = Stopwatch.GetTimestamp();
                matcher.Analyzer.Analyze(question);
                analyze.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        Console.WriteLine($"of which text analysis (normalise, tokenise, spell, synonyms): mean {analyze.Average():F1} us");
        Console.WriteLine($"mean {samples.Average():F1} us   p50 {Percentile(50):F1} us   p95 {Percentile(95):F1} us   p99 {Percentile(99):F1} us   max {samples[^1]:F1} us");

        // The same questions as first messages of a conversation, each a whole turn through the assistant (analysis,
        // decision, replies, new state), no HTTP.
        var assistant = new ComplianceAssistant(new FixedContentProvider(content));
        var fresh = new ConversationState();
        foreach (var question in questions)
        {
            assistant.Respond(new TurnInput(question), fresh); // warm-up
        }

        var turns = new List<double>(samples.Count);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var start = Stopwatch.GetTimestamp();
                assistant.Respond(new TurnInput(question), fresh);
                turns.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        turns.Sort();
        double TurnPercentile(double p) => turns[Math.Min(turns.Count - 1, (int)Math.Ceiling(p / 100 * turns.Count) - 1)];
        Console.WriteLine($"full turn: mean {turns.Average():F1} us   p50 {TurnPercentile(50):F1} us   p95 {TurnPercentile(95):F1} us   p99 {TurnPercentile(99):F1} us   max {turns[^1]:F1} us");
    }
}
