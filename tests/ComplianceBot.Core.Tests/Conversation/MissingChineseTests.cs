using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>
/// A topic written in English only: a Chinese question gets the English answer with English labels, buttons and
/// notice (one language per reply), never English text under Chinese labels.
/// </summary>
public sealed class MissingChineseTests : IDisposable
{
    private readonly KnowledgeCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void A_chinese_question_to_a_topic_without_a_chinese_answer_gets_a_reply_wholly_in_english()
    {
        _copy.Edit("topics/personal-paid-vpn.yaml", text =>
        {
            var start = text.IndexOf("  zh: |\n    **除非服务商", StringComparison.Ordinal);
            var end = text.IndexOf("\nphrasings:", start, StringComparison.Ordinal);
            return text[..start] + text[(end + 1)..];
        });
        var result = _copy.Load();
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Messages));
        var assistant = new ComplianceAssistant(new FixedContentProvider(ServedContent.Create(result.Content!, RealContent.ShippedMatcherOptions())));

        var reply = assistant.Respond(new TurnInput("花钱买的VPN合法吗"), new ConversationState()).Replies.Single();

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("personal-paid-vpn", ((AnswerValue)reply.Value!).Id);
        Assert.Equal(Language.English, reply.Language);
        Assert.StartsWith("**A paid or commercial VPN", reply.Text);
        Assert.Equal(Phrases.Disclaimer(Language.English) + " " + Phrases.AsOf(Language.English, result.Content!.Knowledge.FindTopic("personal-paid-vpn")!.LastReviewed),
            reply.Footer);
        Assert.Contains(reply.Actions, a => a.Title == Phrases.CheckMySituation(Language.English));
        Assert.DoesNotContain(reply.Actions, a => a.Title.Any(c => c >= '\u4e00' && c <= '\u9fff'));
    }

    [Fact]
    public void A_chinese_question_to_a_topic_with_a_chinese_answer_is_still_answered_in_chinese()
    {
        var reply = RealContent.Assistant().Respond(new TurnInput("花钱买的VPN合法吗"), new ConversationState()).Replies.Single();

        Assert.Equal(Language.Chinese, reply.Language);
        Assert.StartsWith("**除非服务商", reply.Text);
    }
}
