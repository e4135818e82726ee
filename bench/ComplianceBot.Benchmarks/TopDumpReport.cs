using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// For checking that a change to matching leaves its results alone: writes, for each question of a fixed set and each of
/// the served content's two matchers (topics alone; topics and dialogs), the decision, the offered candidates, the best
/// <see cref="Shown"/> of <see cref="MatchResult.Ranked"/> (ids and confidences, read without ordering the rest) and
/// how many targets scored. Run it before and after a change and diff the files. It also checks each against the full
/// ranking (<see cref="TopicMatcher.Rank"/>, which scores every touched target) and prints any difference.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project bench/ComplianceBot.Benchmarks -- top8 &lt;topics&gt; &lt;file&gt;</c> (0 = the real content).
/// The questions: the scale report's, the project's question sets (<c>tests/ComplianceBot.Core.Tests/Data/*.jsonl</c>), every user turn
/// of the conversation scripts and <c>eval/conversations.yaml</c>, and 500 generated English and Chinese questions
/// about generated topics, some with a word dropped or a typo.
/// </remarks>
internal static class TopDumpReport
{
    private const int Shown = 8;

    public static void Run(int size, string output)
    {
        var folder = size == 0 ? Paths.Knowledge : SyntheticKnowledge.Write(Paths.Knowledge, size, Path.Combine(Path.GetTempPath(), $"compliancebot-top8-kb-{size}"));
        var loaded = ContentLoader.LoadDeferringPhrasingCheck(folder, dialogsDirectory: Paths.Dialogs);
        var content = ServedContent.Create(loaded.Content ?? throw new InvalidOperationException("content did not load"), new MatcherOptions());
        var questions = Questions(Math.Max(size, 1));
        using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var mismatches = 0;
        foreach (var (name, matcher) in new[] { ("topics", content.TopicsMatcher), ("all", content.Matcher) })
        {
            foreach (var question in questions)
            {
                var result = matcher.Match(question);
                var ranked = result.Ranked;
                var line = new StringBuilder();
                line.Append(name).Append('\t').Append(question.Replace('\n', ' ')).Append('\t').Append(result.Outcome)
                    .Append("\toffered ").AppendJoin(' ', result.Candidates.Select(Show))
                    .Append("\tranked ").Append(ranked.Count).Append(": ")
                    .AppendJoin(' ', Enumerable.Range(0, Math.Min(Shown, ranked.Count)).Select(i => Show(ranked[i])));
                writer.WriteLine(line.ToString());

                // The same ranking scored in full (no pruning): the best entries must be the same.
                var full = matcher.Rank(matcher.Analyzer.Analyze(question));
                if (full.Count != ranked.Count || !full.Take(Shown).SequenceEqual(Enumerable.Range(0, Math.Min(Shown, ranked.Count)).Select(i => ranked[i])))
                {
                    mismatches++;
                    Console.WriteLine($"MISMATCH {name} {question}: full {full.Count}: {string.Join(' ', full.Take(Shown).Select(Show))}");
                }
            }
        }

        Console.WriteLine($"{questions.Count} questions x 2 matchers written to {output} ({clock.Elapsed.TotalSeconds:F1} s matching); {mismatches} differ from the full ranking");
    }

    private static string Show(MatchCandidate candidate) => candidate.Id + "=" + candidate.Confidence.ToString("R", CultureInfo.InvariantCulture);

    private static List<string> Questions(int size)
    {
        var questions = new List<string> { "Is it illegal for individuals to use paid international VPN services?", "can i use a vpn in china", "公司专线可以转租吗", "what's the weather tomorrow", "什么是合规VPN？", "请问高校实验室在深圳租用专线可以吗" };
        questions.AddRange(Enumerable.Range(0, 50).SelectMany(i => new[] { SyntheticKnowledge.Question(i * 37 % size), SyntheticKnowledge.QuestionZh(i * 53 % size) }));
        var sets = Path.Combine(Path.GetDirectoryName(Paths.Knowledge)!, "tests", "ComplianceBot.Core.Tests", "Data");
        if (Directory.Exists(sets))
        {
            foreach (var file in Directory.GetFiles(sets, "*.jsonl").Order(StringComparer.Ordinal))
            {
                foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
                {
                    using var json = JsonDocument.Parse(line);
                    foreach (var key in new[] { "text", "start" })
                    {
                        if (json.RootElement.TryGetProperty(key, out var text) && text.ValueKind == JsonValueKind.String)
                        {
                            questions.Add(text.GetString()!);
                        }
                    }
                }
            }
        }

        var root = Path.GetDirectoryName(Paths.Knowledge)!;
        var scripts = Directory.GetFiles(Path.Combine(Paths.Knowledge, "tests"), "*.yaml").Order(StringComparer.Ordinal).Append(Path.Combine(root, "eval", "conversations.yaml"));
        foreach (var file in scripts.Where(File.Exists))
        {
            foreach (Match match in Regex.Matches(File.ReadAllText(file), @"^\s*-?\s*user:\s*(.+)$", RegexOptions.Multiline))
            {
                questions.Add(match.Groups[1].Value.Trim().Trim('"', '\''));
            }
        }

        for (var i = 0; i < 250; i++)
        {
            var english = SyntheticKnowledge.Question(((i * 101) + 7) % Math.Max(size, 10_000));
            var chinese = SyntheticKnowledge.QuestionZh(((i * 211) + 3) % Math.Max(size, 10_000));
            questions.Add(english);
            questions.Add(chinese);
            if (i % 5 == 0)
            {
                var words = english.Split(' ');
                questions.Add(string.Join(' ', words.Where((_, w) => w != 2))); // a word dropped
                questions.Add(english.Replace("a", "e", StringComparison.Ordinal)); // typos
                questions.Add(chinese[..(chinese.Length / 2)]); // half a question
            }
        }

        return questions.Distinct(StringComparer.Ordinal).ToList();
    }
}
