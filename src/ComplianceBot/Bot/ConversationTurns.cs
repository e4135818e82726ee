using ComplianceBot.Bot.Rendering;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Text;
using ComplianceBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Bot;

/// <summary>
/// The turn loop: read the conversation's state and its ETag, decide (a pure step), save the new state with the ETag
/// it was read with, and only then send the replies. When another instance saved a turn of the same conversation in
/// between, the turn is decided again from the fresh state (up to <see cref="StorageOptions.MaxTurnAttempts"/> times,
/// then the user is asked to send the message again): no turn is lost or applied twice, and nothing is said for a
/// state that was not saved. Turns of one conversation on one instance are already serialised by
/// <see cref="Pipeline.ConversationLockMiddleware"/>.
/// </summary>
/// <remarks>
/// A turn starts from the state this instance saved last when <see cref="ConversationStateCache"/> holds it (no read of
/// the store): the save, conditional on that state's ETag, confirms it. When the save is refused (another instance, or
/// the expiry sweep, changed the item meanwhile), or when the turn would save nothing (which confirms nothing), the turn
/// reads the store and is decided again; that does not count as one of the attempts.
/// </remarks>
public sealed class ConversationTurns(ConversationStateStore states, IOptions<StorageOptions> options, ILogger<ConversationTurns> logger)
{
    private readonly int _maxAttempts = options.Value.MaxTurnAttempts;

    /// <summary>
    /// Runs one turn of <paramref name="turnContext"/>'s conversation: <paramref name="decide"/> may be called more than
    /// once (it must not have side effects); the committed turn is put in the context's <c>TurnState</c> as a
    /// <see cref="CommittedTurn"/>. Returns it; null when the turn gave up after repeated conflicts.
    /// </summary>
    public async Task<CommittedTurn?> RunAsync(ITurnContext turnContext, Func<StoredConversation, CommittedTurn> decide, CancellationToken cancellationToken)
    {
        var key = ConversationStateStore.KeyFor(turnContext.Activity);
        StoredConversation? stored = null;
        var cached = true;
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            stored = cached ? await states.ReadCachedAsync(key, cancellationToken) : await states.ReadAsync(key, cancellationToken);
            cached = false;
            var turn = decide(stored);
            var unchanged = stored.Status != StoredStateStatus.Unreadable && ReferenceEquals(turn.Result.NewState, stored.State);
            if (unchanged && stored.FromCache)
            {
                attempt--; // nothing to save, so nothing confirms the cached state: decide again from the store's
                continue;
            }

            if (unchanged || await states.TryWriteAsync(key, turn.Result.NewState, stored.ETag, cancellationToken))
            {
                turnContext.TurnState.Set(turn);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Turn {Turn} of {Key}: {Decision}", turn.Result.NewState.Turn, key, turn.Result.Decision);
                }
                await SendAsync(turnContext, turn.Result.Replies, cancellationToken);
                return turn;
            }

            if (stored.FromCache)
            {
                attempt--; // the state this instance saved last was changed elsewhere since: not a conflict of this turn's
                continue;
            }

            logger.LogInformation("The state of {Key} changed while a turn was decided (attempt {Attempt} of {Max}); deciding again", key, attempt, _maxAttempts);
        }

        logger.LogWarning("Turn of {Key} given up after {Max} conflicting attempts; the user is asked to send the message again", key, _maxAttempts);
        var language = LanguageCodes.FromCode(stored?.State.Language) ?? Language.English;
        await SendAsync(turnContext, [PleaseResend(language)], cancellationToken);
        return null;
    }

    /// <summary>Renders <paramref name="replies"/> for the activity's channel and sends them, in order.</summary>
    public static async Task SendAsync(ITurnContext turnContext, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0)
        {
            return;
        }

        var renderer = ChannelRenderers.For(turnContext.Activity.ChannelId);
        var activities = replies.SelectMany(renderer.Render).Select(a => (IActivity)a).ToArray();
        await turnContext.SendActivitiesAsync(activities, cancellationToken);
    }

    /// <summary>The reply when a message could not be taken in because its conversation kept changing under it.</summary>
    public static BotReply PleaseResend(Language language) => new()
    {
        Kind = ReplyKind.Notice,
        Language = language,
        Text = language == Language.Chinese
            ? "抱歉，你的消息到达时这段对话正在处理另一条消息，我没能接收它。请再发送一次。"
            : "Sorry, your message arrived while another message of this conversation was being handled, and I could not take it in. Please send it again.",
    };
}
