using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Tests.Support;
using static ComplianceBot.Core.Tests.Support.Turns;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>
/// Plain words for what employees cannot answer (issue 10 part 4): every question says how to find out, the verdict
/// explains itself in a sentence a person would say, and the Sources line shows readable article references with one
/// UNVERIFIED note.
/// </summary>
public class PlainWordsTests
{
    private readonly ComplianceAssistant _assistant = RealContent.Assistant();

    [Fact]
    public void Every_question_of_the_shipped_dialogs_says_how_to_find_out_in_both_languages()
    {
        Assert.All(RealContent.Served.Snapshot.Dialogs.SelectMany(d => d.Slots.Select(s => (Dialog: d.Id, Slot: s))), pair =>
        {
            Assert.True(pair.Slot.HowToFindOut is not null, $"{pair.Dialog}/{pair.Slot.Id} has no how_to_find_out");
            Assert.False(string.IsNullOrWhiteSpace(pair.Slot.HowToFindOut!.Zh), $"{pair.Dialog}/{pair.Slot.Id} has no Chinese how_to_find_out");
        });
    }

    [Fact]
    public void The_question_and_why_show_how_to_find_out()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("travel-check"));
        chat.Send(Submit("destination", "mainland-china"));
        chat.Send(Submit("method", "employer-channel"));
        var prompt = Assert.Single(chat.Send(Submit("purpose", "work")));

        Assert.Contains("Are business travellers on the approved list for the China line?", prompt.Text);

        var why = chat.Send(new TurnInput("why"));
        var text = string.Join("\n", why.Select(r => r.Text));
        Assert.Contains("Why I ask", text);
        Assert.Contains("Are business travellers on the approved list for the China line?", text);
    }

    [Fact]
    public void A_verdict_reason_is_a_sentence_without_rule_numbers_and_its_sources_name_articles_readably()
    {
        var chat = new Chat(_assistant);
        chat.Send(Start("client-access-check"));
        var verdict = Assert.Single(chat.Send(Submit("charging", "yes")));

        Assert.Equal(ReplyKind.Verdict, verdict.Kind);
        Assert.Contains("I came to this because your answer to \"Charged for\" was \"Yes, it is charged for\".", verdict.Text);
        Assert.DoesNotContain("rule 1", verdict.Text, StringComparison.OrdinalIgnoreCase);

        var sources = string.Join("; ", verdict.Sources.Select(s => s.Text));
        Assert.Contains("MIIT Notice [2017] No. 32, item 2\u2020", sources);
        Assert.DoesNotContain("item-", sources);
        Assert.Single(verdict.Sources, s => s.Text.Contains("UNVERIFIED", StringComparison.Ordinal));
        Assert.EndsWith("\u2020 UNVERIFIED: check with the compliance team", sources);
    }

    [Fact]
    public void A_chinese_sources_line_has_one_unverified_note_and_readable_items()
    {
        var reply = _assistant.Respond(new TurnInput("企业如何合规跨境联网"), new ConversationState()).Replies.First();

        var sources = string.Join("；", reply.Sources.Select(s => s.Text));
        Assert.Contains("第1项", sources);
        Assert.Contains("答记者问第1条", sources);
        Assert.Single(reply.Sources, s => s.Text.Contains("未核实", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_with_only_verified_citations_carry_no_unverified_note()
    {
        var reply = _assistant.Respond(new TurnInput("what can you do"), new ConversationState()).Replies.First();

        Assert.NotEmpty(reply.Sources);
        Assert.All(reply.Sources, s => Assert.True(s.Verified, s.Text));
        Assert.DoesNotContain(reply.Sources, s => s.Text.Contains("UNVERIFIED", StringComparison.Ordinal));
    }
}
