using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>
/// A slot's <c>none_of_these</c> phrases (a Hong Kong or foreign SIM at the trip check's "how do you connect") leave it
/// open: never read as one of its choices, whatever else the message names, and the bot says so and offers the team.
/// </summary>
public sealed class NoneOfTheseTests : IDisposable
{
    private string? _copy;

    private static DialogIndex Travel => RealContent.Served.FindDialogIndex("travel-check")!;

    public void Dispose()
    {
        if (_copy is not null)
        {
            Directory.Delete(Path.GetDirectoryName(_copy)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("hk sim roaming", Language.English)]
    [InlineData("hk sim", Language.English)]                 // "sim" alone answers a local SIM
    [InlineData("using my hong kong number", Language.English)] // "hong kong" alone is a destination
    [InlineData("maybe a foreign esim", Language.English)]   // a bare hedge would be "unsure"
    [InlineData("香港卡漫游", Language.Chinese)]
    [InlineData("用境外SIM", Language.Chinese)]
    public void A_sim_from_outside_the_mainland_gives_the_method_no_value(string answer, Language language)
    {
        var reading = SlotFiller.Read(Travel, answer, askedSlot: "method", language);

        Assert.Empty(reading.Values);
        Assert.Empty(reading.Ambiguous);
        Assert.Equal(["method"], reading.Open);
    }

    [Fact]
    public void A_negated_one_leaves_the_other_words_to_count()
    {
        var reading = SlotFiller.Read(Travel, "roaming, not a hong kong sim", askedSlot: "method");

        Assert.Equal("roaming", reading.Values["method"]);
        Assert.Empty(reading.Open);
    }

    [Fact]
    public void Facts_of_other_questions_in_the_same_message_still_count()
    {
        var reading = SlotFiller.Read(Travel, "for work, over my hk sim", askedSlot: "purpose");

        Assert.Equal("work", reading.Values["purpose"]);
        Assert.Equal(["method"], reading.Open);
    }

    [Fact]
    public void The_question_is_asked_again_with_the_reply_and_the_compliance_team_offered()
    {
        var chat = new Chat(RealContent.Assistant());
        chat.Send("I'm travelling to Shanghai next week");

        var reply = Assert.Single(chat.Send("hk sim roaming"));

        Assert.Equal((DecisionKind.SlotOpen, "method"), (chat.Decision!.Kind, chat.Decision.SlotId));
        Assert.Equal("method", chat.State.Dialog!.AskedSlot);
        Assert.False(chat.State.Dialog.Facts.ContainsKey("method"));
        Assert.Contains("none of these choices", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Actions, a => a.Value.GetValueOrDefault(DialogActions.ActionKey) == DialogActions.Handoff);
    }

    [Fact]
    public void Without_the_phrases_in_the_content_the_same_answer_is_read_as_a_choice()
    {
        _copy = Repo.CopyContent();
        var path = Path.Combine(Path.GetDirectoryName(_copy)!, "dialogs", "travel-check.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.Trim().StartsWith("none_of_these:", StringComparison.Ordinal));
        var end = lines.FindIndex(start, l => l.Trim() == "choices:");
        lines.RemoveRange(start, end - start);
        File.WriteAllLines(path, lines);

        var result = ContentLoader.Load(_copy);
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Messages));
        var index = DialogIndex.Build(result.Content!.Dialogs.Single(d => d.Id == "travel-check"));

        Assert.Equal("roaming", SlotFiller.Read(index, "hk sim roaming", askedSlot: "method").Values["method"]);
        Assert.NotNull(Travel.Dialog.FindSlot("method")!.NoneOfThese);
    }
}
