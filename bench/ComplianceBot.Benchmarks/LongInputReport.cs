using System.Diagnostics;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// Time of a whole first turn through the assistant (analysis, matching, decision, replies; no HTTP) for messages of
/// growing length up to the largest allowed <c>InputLimits:MaxMessageLength</c> (100,000 characters), of several
/// shapes: one long word, English words, Chinese text, "www.a" repeated, digits. Cost linear in length shows as a time
/// that grows in step with the length (twice the length, about twice the time).
/// </summary>
internal static class LongInputReport
{
    public static IReadOnlyDictionary<string, Func<int, string>> Shapes { get; } = new Dictionary<string, Func<int, string>>
    {
        ["letters"] = n => new string('a', n),
        ["english words"] = n => Repeat("can my company use a vpn line in shanghai for staff ", n),
        ["chinese"] = n => Repeat("个人用付费VPN违法吗公司专线可以转租吗", n),
        ["www.a"] = n => Repeat("www.a", n),
        ["digits"] = n => Repeat("1234567890 ", n),
        ["mixed"] = n => Repeat("vpn专线 a.b@c.d 138-0013-8000 ", n),
    };

    public static void Run(int[] lengths)
    {
        var content = ServedContent.Create(ContentLoader.Load(Paths.Knowledge, dialogsDirectory: Paths.Dialogs).Content!, new MatcherOptions());
        var assistant = new ComplianceAssistant(new FixedContentProvider(content));
        assistant.Respond(new TurnInput("can i use a vpn in china"), new ConversationState()); // warm-up
        Console.WriteLine($"{"shape",-14} {string.Join(" ", lengths.Select(l => $"{l,9}"))}   (ms per whole turn)");
        foreach (var (name, make) in Shapes)
        {
            var times = lengths.Select(length =>
            {
                var text = make(length);
                assistant.Respond(new TurnInput(text), new ConversationState());
                var start = Stopwatch.GetTimestamp();
                assistant.Respond(new TurnInput(text), new ConversationState());
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            });
            Console.WriteLine($"{name,-14} {string.Join(" ", times.Select(t => $"{t,9:F1}"))}");
        }
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new System.Text.StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, length);
    }
}
