using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>"Talk to the compliance team": a hand-off whose contact details come from the content, not from code.</summary>
public class HandoffTests
{
    private const string OutOfScopeFile = "out-of-scope.yaml";

    private static string Contact(Language language) =>
        RealContent.Served.Snapshot.Knowledge.FindOutOfScope(OutOfScopeGroup.ComplianceTeamId)!.Reply.For(language).Trim();

    [Theory]
    [InlineData("talk to the compliance team")]
    [InlineData("Talk to the compliance team.")]
    [InlineData("I want to talk to the compliance team")]
    [InlineData("contact compliance please")]
    [InlineData("how do i reach the compliance team")]
    public void Asking_for_the_compliance_team_gets_how_to_reach_them(string typed)
    {
        var log = new RecordingLog();
        var assistant = new ComplianceAssistant(new FixedContentProvider(RealContent.Served), log);

        var reply = Assert.Single(assistant.Respond(new TurnInput(typed), new ConversationState()).Replies);

        Assert.Equal(ReplyKind.Notice, reply.Kind);
        Assert.Contains(Contact(Language.English), reply.Text);
        Assert.Null(reply.Value);
        Assert.Empty(log.Entries); // a hand-off is not a question the bot failed on
    }

    [Fact]
    public void The_chinese_request_gets_the_chinese_contact()
    {
        var reply = Assert.Single(RealContent.Assistant().Respond(new TurnInput("联系合规团队"), new ConversationState()).Replies);

        Assert.Contains(Contact(Language.Chinese), reply.Text);
        Assert.Equal(Language.Chinese, reply.Language);
    }

    [Fact]
    public void The_contact_is_whatever_the_compliance_team_wrote_in_the_content()
    {
        using var copy = new KnowledgeCopy();
        copy.Replace(OutOfScopeFile, "  - id: compliance-team\n    reply:\n",
            "  - id: compliance-team\n    contact:\n      en: Call Mei Lin on extension 4711\n    reply:\n");
        var edited = copy.Load().Content! with { Dialogs = RealContent.Served.Snapshot.Dialogs };
        var assistant = new ComplianceAssistant(new FixedContentProvider(ServedContent.Create(edited, RealContent.ShippedMatcherOptions())));

        var typed = Assert.Single(assistant.Respond(new TurnInput("talk to the compliance team"), new ConversationState()).Replies);
        Assert.Contains("Call Mei Lin on extension 4711", typed.Text);

        var chat = new Chat(assistant);
        chat.Send(new TurnInput(null, new Dictionary<string, string> { ["start"] = "travel-check" }));
        var button = Assert.Single(chat.Send(
            new TurnInput("Talk to the compliance team", new Dictionary<string, string> { ["dialog"] = "travel-check", ["action"] = "handoff" })));
        Assert.Contains("Call Mei Lin on extension 4711", button.Text);
        Assert.Null(chat.State.Dialog);

        var review = new Chat(assistant);
        review.Send(new TurnInput(null, new Dictionary<string, string> { ["start"] = "client-access-check" }));
        review.Send(new TurnInput(null, new Dictionary<string, string> { ["slot"] = "charging", ["choice"] = "no" }));
        review.Send(new TurnInput(null, new Dictionary<string, string> { ["slot"] = "recipient", ["choice"] = "employee" }));
        var verdict = Assert.Single(review.Send(new TurnInput(null, new Dictionary<string, string> { ["slot"] = "in-scope", ["choice"] = "no" })));
        Assert.Equal(ReplyKind.Verdict, verdict.Kind);
        Assert.EndsWith("**How to reach the compliance team:** Call Mei Lin on extension 4711", verdict.Text);
    }

    [Fact]
    public void With_no_contact_set_the_bot_says_to_ask_the_compliance_team_and_names_no_address()
    {
        Assert.False(ReplyBuilder.HasComplianceContact(RealContent.Served.Snapshot.Knowledge));

        var reply = Assert.Single(RealContent.Assistant().Respond(new TurnInput("talk to the compliance team"), new ConversationState()).Replies);

        Assert.Contains("Ask your compliance team through your company's usual channels.", reply.Text);
        Assert.Contains("I don't pass on anything you told me", reply.Text);
        Assert.DoesNotContain("@", reply.Text);
        Assert.DoesNotContain("example.com", reply.Text);
    }

    [Fact]
    public void A_placeholder_contact_is_a_warning_in_validate()
    {
        using var copy = new KnowledgeCopy();
        copy.Replace(OutOfScopeFile, "  - id: compliance-team\n    reply:\n",
            "  - id: compliance-team\n    contact:\n      en: compliance@example.com\n    reply:\n");

        var result = copy.Load();

        Assert.NotNull(result.Content);
        var warning = Assert.Single(result.Messages, m => m.Text.StartsWith("placeholder contact", StringComparison.Ordinal));
        Assert.Equal(("knowledge/out-of-scope.yaml", ComplianceBot.Core.Validation.Severity.Warning), (warning.Path, warning.Severity));
        Assert.Contains("'example.com'", warning.Text);
    }

    [Fact]
    public void Without_the_group_the_hand_off_still_points_to_the_compliance_team()
    {
        var served = RealContent.Served;
        var knowledge = served.Snapshot.Knowledge;
        var without = new KnowledgeBase(knowledge.Regulations, knowledge.Topics, knowledge.Synonyms,
            knowledge.OutOfScope.Where(g => g.Id != OutOfScopeGroup.ComplianceTeamId).ToList());
        var assistant = new ComplianceAssistant(new FixedContentProvider(
            ServedContent.Create(served.Snapshot with { Knowledge = without }, RealContent.ShippedMatcherOptions())));

        var reply = Assert.Single(assistant.Respond(new TurnInput("talk to the compliance team"), new ConversationState()).Replies);

        Assert.Contains("Ask your compliance team", reply.Text);
        Assert.Null(reply.Value);
    }

    private sealed class RecordingLog : IUnansweredLog
    {
        public List<(string, UnansweredReason)> Entries { get; } = [];

        public void Record(string typedText, UnansweredReason reason, string? declinedAs = null) => Entries.Add((typedText, reason));
    }
}
