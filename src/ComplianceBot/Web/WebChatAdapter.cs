using ComplianceBot.Bot;
using ComplianceBot.Pipeline;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Web;

/// <summary>
/// A Bot Framework adapter for the web chat page: runs an activity through the same bot and conversation state as
/// every other channel and returns the bot's replies (instead of sending them anywhere), stamped with ids,
/// timestamps and the bot as sender, the way a Direct Line client expects them. Turn errors go to the shared
/// <see cref="TurnErrorHandler"/>. Times come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WebChatAdapter : BotAdapter
{
    private readonly TimeProvider _time;

    /// <summary>The channel id of web chat conversations.</summary>
    public const string ChannelId = "webchat";

    /// <summary>The bot's account in web chat conversations.</summary>
    public static readonly ChannelAccount BotAccount = new("compliancebot", "ComplianceBot", role: RoleTypes.Bot);

    /// <summary>Creates the adapter, running the turn pipeline's <paramref name="middleware"/> and <paramref name="errors"/>; activity times come from <paramref name="time"/>.</summary>
    public WebChatAdapter(IEnumerable<IMiddleware> middleware, TurnErrorHandler errors, TimeProvider time)
    {
        this.UsePipeline(middleware, errors);
        _time = time;
    }

    /// <summary>
    /// Runs <paramref name="activity"/> through <paramref name="bot"/> (stamping its <c>Timestamp</c>, when unset, with
    /// the time it was received); returns the message activities the bot sent, in order.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        activity.Timestamp ??= _time.GetUtcNow();
        var outbox = new Outbox();
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(outbox);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
        return outbox.Activities;
    }

    /// <inheritdoc />
    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var outbox = turnContext.TurnState.Get<Outbox>() ?? throw new InvalidOperationException("WebChatAdapter can only send within a turn it started.");
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            activity.Id = Guid.NewGuid().ToString("N");
            if (activity.Type == ActivityTypes.Message)
            {
                activity.Timestamp = _time.GetUtcNow();
                activity.From = BotAccount;
                activity.Recipient = turnContext.Activity.From;
                activity.Conversation = turnContext.Activity.Conversation;
                activity.ChannelId = ChannelId;
                outbox.Activities.Add(activity);
            }

            responses.Add(new ResourceResponse(activity.Id));
        }

        return Task.FromResult(responses.ToArray());
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: web chat replies are returned once, not edited later.</exception>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The web chat adapter does not update sent messages.");

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: web chat replies are returned once, not deleted later.</exception>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The web chat adapter does not delete sent messages.");

    private sealed class Outbox
    {
        public List<Activity> Activities { get; } = [];
    }
}
