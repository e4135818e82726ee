using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Evaluation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Evaluation;

/// <summary>The project's own multi-turn evaluation set (eval/conversations.yaml), played against the real content.</summary>
public class ConversationEvaluatorTests
{
    // Measured on 2026-12-02 (eval-conversations eval/conversations.yaml): 57 of 63. The share must not fall below it.
    private const int HandledRightAtLeast = 57;

    [Fact]
    public async Task The_evaluation_set_has_at_least_60_conversations_and_its_share_handled_right_does_not_regress()
    {
        var file = ScriptFile.Load(Path.Combine(Repo.Root, "eval", "conversations.yaml"), "eval/conversations.yaml");
        Assert.False(file.HasErrors, string.Join(Environment.NewLine, file.Messages));
        Assert.True(file.Scripts.Count >= 60, $"only {file.Scripts.Count} conversations");

        var content = new FixedContentProvider(RealContent.Served);
        var report = await ConversationEvaluator.RunAsync(file.Scripts, () => new AssistantDriver(content));

        Assert.True(report.HandledRight >= HandledRightAtLeast,
            $"{report.Summary}; at least {HandledRightAtLeast} expected. Failures:{Environment.NewLine}"
            + string.Join(Environment.NewLine, report.Results.Where(r => !r.Passed).Select(r => r.Failure)));
    }

    [Fact]
    public async Task A_conversation_counts_only_when_every_turn_is_right_and_the_failure_names_the_turn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"conversations-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, """
            scripts:
              - name: right
                steps:
                  - value: {start: travel-check}
                    expect: [{type: prompt, slot: destination}]
              - name: wrong in the second turn
                steps:
                  - value: {start: travel-check}
                    expect: [{type: prompt, slot: destination}]
                  - user: mainland china
                    expect: [{type: prompt, slot: purpose}]
            """);
        try
        {
            var file = ScriptFile.Load(path, "set.yaml");
            var content = new FixedContentProvider(RealContent.Served);

            var report = await ConversationEvaluator.RunAsync(file.Scripts, () => new AssistantDriver(content));

            Assert.Equal((2, 1, 0.5), (report.Results.Count, report.HandledRight, report.Share));
            Assert.StartsWith("set.yaml:10:", report.Results[1].Failure);
            Assert.Contains("slot: expected purpose, got method", report.Results[1].Failure);
            Assert.Equal("conversations: 2, handled right: 1 (50.0 %)", report.Summary);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
