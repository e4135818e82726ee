using ComplianceBot.Telemetry;
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
        // Plain loops: this runs on every turn (the LINQ version allocated an iterator and a closure per step).
        var activity = turnContext.Activity;
        var decision = turn.Result.Decision;
        AnswerValue? answer = null;
        VerdictValue? verdict = null;
        PromptValue? prompt = null;
        string? contentVersion = null;
        List<string>? citations = null;
        foreach (var reply in turn.Result.Replies)
        {
            if (reply.Value is not ReplyValue value)
            {
                continue;
            }

            contentVersion ??= value.ContentVersion;
            switch (value)
            {
                case AnswerValue a:
                    answer ??= a;
                    AddCitations(ref citations, a.Citations);
                    break;
                case VerdictValue v:
                    verdict ??= v;
                    AddCitations(ref citations, v.Citations);
                    break;
                case PromptValue p:
                    prompt ??= p;
                    break;
            }
        }

        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (verdict is not null)
        {
            foreach (var (slot, value) in verdict.Facts)
            {
                facts.Add(slot, value); // throws on a slot given twice, as building a dictionary of them did
            }
        }
        else
        {
            foreach (var (slot, value) in decision.Facts)
            {
                facts.Add(slot, value);
            }
        }

        return new AuditRecord
        {
            At = time.GetUtcNow(),
            Channel = activity.ChannelId ?? string.Empty,
            ConversationId = activity.Conversation?.Id ?? string.Empty,
            UserHash = users.Hash(activity.From?.Id),
            Text = turn.TypedText,
            Kind = DecisionKindNames.Of(decision.Kind),
            Decision = decision.ToString(),
            TopicId = decision.TopicId ?? decision.Aside?.TopicId ?? answer?.Id,
            Confidence = decision.Confidence ?? decision.Aside?.Confidence ?? answer?.Confidence,
            DialogId = decision.DialogId ?? verdict?.Dialog ?? prompt?.Dialog,
            SlotId = decision.SlotId ?? decision.Asks ?? prompt?.Slot,
            Verdict = verdict?.Verdict ?? decision.Verdict,
            Facts = facts,
            Citations = citations is null ? [] : [.. citations],
            ContentVersion = contentVersion ?? content.Current.Snapshot.Version.ShortHash,
        };
    }

    // The replies' citations in order, each once.
    private static void AddCitations(ref List<string>? citations, IEnumerable<string> cited)
    {
        foreach (var id in cited)
        {
            citations ??= [];
            if (!citations.Contains(id, StringComparer.Ordinal))
            {
                citations.Add(id);
            }
        }
    }
}
