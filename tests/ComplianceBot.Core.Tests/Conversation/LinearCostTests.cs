using System.Text;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>
/// A message at the largest allowed length (InputLimits:MaxMessageLength up to 100,000 characters) costs work in step
/// with its length: every per-turn step (normalising, tokenising, spelling, stemming, Chinese segmentation, matching,
/// slot reading) is linear or bounded. Work is counted in steps (<see cref="WorkMeter"/>), never timed: doubling a
/// message must not much more than double the steps, and the steps per character stay small.
/// </summary>
public sealed class LinearCostTests
{
    public static TheoryData<string> Shapes => new()
    {
        "letters", "words", "chinese", "www.a", "digits", "mixed", "check answers",
    };

    private static string Make(string shape, int length) => shape switch
    {
        "letters" => new string('a', length), // one long word: the spelling corrector's deletions were quadratic in it
        "words" => Repeat("can my company use a vpn line in shanghai for staff ", length),
        "chinese" => Repeat("个人用付费VPN违法吗公司专线可以转租吗翻墙软件", length),
        "www.a" => Repeat("www.a", length),
        "digits" => Repeat("1234567890 ", length),
        "mixed" => Repeat("vpn专线 a.b@c.d 138-0013-8000 自己搭的梯子 ", length),
        "check answers" => Repeat("not for work we charge nothing free of charge not sure 自己搭的梯子 不是工作 ", length), // many slot phrases
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, length);
    }

    private static long Work(string text)
    {
        var assistant = RealContent.Assistant();
        return WorkMeter.Measure(() => assistant.Respond(new TurnInput(text), new ConversationState()));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_whole_turn_costs_work_in_step_with_the_message_length(string shape)
    {
        Work(Make(shape, 1_000)); // content loaded, caches warm
        var half = Work(Make(shape, 50_000));
        var full = Work(Make(shape, 100_000));

        Assert.True(full <= (2.2 * half) + 1_000, $"{shape}: {half} steps at 50,000 characters, {full} at 100,000 (more than twice)");
        Assert.True(full <= 100L * 100_000, $"{shape}: {full} steps for 100,000 characters");
    }

    [Fact]
    public void The_spelling_corrector_does_not_look_up_a_word_longer_than_any_it_knows()
    {
        var corrector = new SpellingCorrector(new Dictionary<string, int> { ["vpn"] = 3, ["license"] = 2 });

        var steps = WorkMeter.Measure(() => Assert.Null(corrector.Correct(new string('a', 100_000))));

        Assert.Equal(0, steps);
        Assert.Equal("license", corrector.Correct("licence"));
    }

    [Fact]
    public void A_long_run_of_unknown_chinese_characters_is_segmented_in_bounded_pieces()
    {
        var segmenter = new ChineseSegmenter();
        var text = Repeat("龘靐齉爩", 10_000);

        var words = segmenter.Cut(text);

        Assert.Equal(text, string.Concat(words)); // nothing lost
        Assert.All(words, w => Assert.True(w.Length <= ChineseSegmenter.MaxHmmRun));
    }
}
