using System.Text.Json;
using ComplianceBot.Bot;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Audit;

/// <summary>
/// Bot Framework middleware that records each committed turn (<see cref="CommittedTurn"/>) once the bot is done with it,
/// also when sending its replies failed: an <see cref="AuditRecord"/> (unless <c>Audit:Enabled</c> is false) and, for a
/// clarify or a fallback, the unanswered question. Both are only queued (<see cref="AuditWriter"/>): the turn never
/// waits for the store.
/// </summary>
public sealed class AuditMiddleware(AuditWriter writer, UserIdHasher users, ComplianceAssistant assistant, IContentProvider content,
    IOptions<AuditOptions> options, TimeProvider time) : IMiddleware
{
    private readonly bool _enabled = options.Value.Enabled;

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            if (turnContext.TurnState.Get<CommittedTurn>() is { } turn)
            {
                if (turn.Analysis is { } analysis)
                {
                    assistant.RecordUnanswered(analysis, turn.Result.Decision);
                }

                if (_enabled)
                {
                    writer.Enqueue(Record(turnContext, turn));
                }
            }
        }
    }

    private AuditRecord Record(ITurnContext turnContext, CommittedTurn turn)
    {
        var activity = turnContext.Activity;
        var decision = turn.Result.Decision;
        var values = turn.Result.Replies.Select(r => r.Value).OfType<ReplyValue>().ToList();
        var answer = values.OfType<AnswerValue>().FirstOrDefault();
        var verdict = values.OfType<VerdictValue>().FirstOrDefault();
        var prompt = values.OfType<PromptValue>().FirstOrDefault();
        var facts = verdict is not null
            ? new SortedDictionary<string, string>(verdict.Facts.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal)
            : new SortedDictionary<string, string>(decision.Facts, StringComparer.Ordinal);
        return new AuditRecord
        {
            At = time.GetUtcNow(),
            Channel = activity.ChannelId ?? string.Empty,
            ConversationId = activity.Conversation?.Id ?? string.Empty,
            UserHash = users.Hash(activity.From?.Id),
            Text = turn.TypedText,
            Kind = JsonNamingPolicy.KebabCaseLower.ConvertName(decision.Kind.ToString()),
            Decision = decision.ToString(),
            TopicId = decision.TopicId ?? decision.Aside?.TopicId ?? answer?.Id,
            Confidence = decision.Confidence ?? decision.Aside?.Confidence ?? answer?.Confidence,
            DialogId = decision.DialogId ?? verdict?.Dialog ?? prompt?.Dialog,
            SlotId = decision.SlotId ?? decision.Asks ?? prompt?.Slot,
            Verdict = verdict?.Verdict ?? decision.Verdict,
            Facts = facts,
            Citations = [.. values.SelectMany(v => v switch
            {
                AnswerValue a => a.Citations,
                VerdictValue v2 => v2.Citations,
                _ => [],
            }).Distinct(StringComparer.Ordinal)],
            ContentVersion = values.Select(v => v.ContentVersion).FirstOrDefault(v => v is not null) ?? content.Current.Snapshot.Version.ShortHash,
        };
    }
}
