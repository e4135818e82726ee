using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Evaluation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>
/// Dialog trigger phrasings must not change FAQ answers: for every question of the project's question sets, the bot
/// either starts a dialog or replies exactly as it would with no dialogs loaded.
/// </summary>
public class FaqIsolationTests
{
    [Theory]
    [InlineData("accuracy-questions.jsonl")]
    [InlineData("accuracy-questions-zh.jsonl")]
    public void Questions_that_start_no_dialog_get_the_same_reply_as_without_dialogs(string file)
    {
        var served = RealContent.Served;
        var withoutDialogs = ServedContent.Create(served.Snapshot with { Dialogs = [] }, RealContent.ShippedMatcherOptions());
        var withDialogsBot = new ComplianceAssistant(new FixedContentProvider(served));
        var withoutDialogsBot = new ComplianceAssistant(new FixedContentProvider(withoutDialogs));

        var differences = new List<string>();
        var started = 0;
        foreach (var question in EvalCase.ReadJsonLines(Repo.Data(file)))
        {
            var with = withDialogsBot.Respond(new TurnInput(question.Text), new ConversationState()).Replies;
            if (with.Any(r => r.Value is PromptValue or VerdictValue))
            {
                started++;
                continue;
            }

            var without = withoutDialogsBot.Respond(new TurnInput(question.Text), new ConversationState()).Replies;
            var a = string.Join(" | ", with.Select(r => r.Value?.ToJson().ToJsonString()));
            var b = string.Join(" | ", without.Select(r => r.Value?.ToJson().ToJsonString()));
            if (a != b)
            {
                differences.Add($"line {question.Line}: {question.Text}{Environment.NewLine}  with dialogs:    {a}{Environment.NewLine}  without dialogs: {b}");
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.True(started < 20, $"{started} questions of {file} started a dialog");
    }
}
