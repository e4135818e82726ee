using System.Diagnostics;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// The load script's question mix (<c>bench/load/turns.lua</c>) as whole turns through the assistant, no HTTP: the
/// bytes allocated and the CPU time per turn for each question, then a loop of <c>seconds</c> over the mix (for a
/// profiler to attach to). What the core costs of a turn the load test measures through the host.
/// </summary>
internal static class TurnMixReport
{
    private static readonly string[] Questions =
    [
        "Is it illegal for individuals to use paid international VPN services?",
        "can i use a vpn in china",
        "How does a company apply for a cross-border line?",
        "个人用付费VPN违法吗",
        "公司专线可以转租吗",
        "What's the weather tomorrow?",
        "my vpn client wont connect",
        "what are the penalties for individuals",
    ];

    public static void Run(int seconds)
    {
        var content = ServedContent.Create(ContentLoader.Load(Paths.Knowledge, dialogsDirectory: Paths.Dialogs).Content!, new MatcherOptions());
        var assistant = new ComplianceAssistant(new FixedContentProvider(content));

        // Each conversation of the load test asks its one question again and again: the second and later turns carry
        // the state the first left.
        var states = Questions.Select(q => assistant.Respond(new TurnInput(q), new ConversationState()).NewState).ToArray();
        const int Rounds = 2_000;
        for (var i = 0; i < 200; i++)
        {
            for (var q = 0; q < Questions.Length; q++)
            {
                assistant.Respond(new TurnInput(Questions[q]), states[q]);
            }
        }

        double totalBytes = 0, totalUs = 0;
        for (var q = 0; q < Questions.Length; q++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < Rounds; i++)
            {
                assistant.Respond(new TurnInput(Questions[q]), states[q]);
            }

            var us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / Rounds;
            var kb = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / Rounds;
            totalBytes += kb;
            totalUs += us;
            Console.WriteLine($"{kb,8:F1} KB {us,8:F1} us  {Questions[q]}");
        }

        Console.WriteLine($"{totalBytes / Questions.Length,8:F1} KB {totalUs / Questions.Length,8:F1} us  mean of the mix");
        var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            for (var q = 0; q < Questions.Length; q++)
            {
                assistant.Respond(new TurnInput(Questions[q]), states[q]);
            }
        }
    }
}
