using BenchmarkDotNet.Attributes;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// One whole turn through the assistant, no HTTP: analysing the message once, deciding, building the replies and the
/// new state (what a channel pays between receiving a message and storing the state). The messages cover an FAQ
/// question, a described situation that starts a check and reaches its verdict, an answer in the middle of a check,
/// and a Chinese question.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class TurnBenchmarks
{
    private ComplianceAssistant _assistant = null!;
    private ConversationState _state = null!;

    [Params(
        "Is it illegal for individuals to use paid international VPN services?",
        "I live in Shenzhen, I use China Mobile's international service to watch netflix",
        "(in a check) we don't charge them",
        "公司怎么申请跨境专线")]
    public string Message { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var content = ServedContent.Create(ContentLoader.Load(Paths.Knowledge, dialogsDirectory: Paths.Dialogs).Content!, new MatcherOptions());
        _assistant = new ComplianceAssistant(new FixedContentProvider(content));
        _state = Message.StartsWith("(in a check)", StringComparison.Ordinal)
            ? _assistant.Respond(new TurnInput(null, new Dictionary<string, string> { ["start"] = "client-access-check" }), new ConversationState()).NewState
            : new ConversationState();
        Message = Message.Replace("(in a check) ", string.Empty, StringComparison.Ordinal);
    }

    [Benchmark]
    public TurnResult Turn() => _assistant.Respond(new TurnInput(Message), _state);
}
