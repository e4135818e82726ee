using System.Text.Json.Nodes;
using ComplianceBot.Bot;
using ComplianceBot.Pipeline;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Slack;

/// <summary>
/// A Bot Framework adapter for Slack (no Azure Bot Service involved): runs a <see cref="SlackTurn"/> through the
/// same bot, middleware and <c>ConversationState</c>/<c>IStorage</c> as the other channels (channel id
/// <c>slack</c>, conversation id <see cref="SlackTurn.ConversationKey"/>), and sends the bot's messages with
/// <c>chat.postMessage</c> in the thread of the question. A failing turn is handled by the shared <see cref="TurnErrorHandler"/>,
/// as on every channel.
/// </summary>
public sealed class SlackAdapter : BotAdapter
{
    private readonly SlackApiClient _api;
    private readonly ILogger<SlackAdapter> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the adapter sending through <paramref name="api"/>, running the turn pipeline's <paramref name="middleware"/> and <paramref name="errors"/>; activity times come from <paramref name="time"/>.</summary>
    public SlackAdapter(SlackApiClient api, IEnumerable<IMiddleware> middleware, TurnErrorHandler errors, ILogger<SlackAdapter> logger, TimeProvider time)
    {
        this.UsePipeline(middleware, errors);
        _api = api;
        _logger = logger;
        _time = time;
    }

    /// <summary>
    /// Runs one turn for <paramref name="turn"/> through <paramref name="bot"/>. For a click on a dialog choice the
    /// prompt is first updated (<c>chat.update</c>) to show the choice instead of its buttons; if that fails it is
    /// logged and the turn still runs.
    /// </summary>
    public async Task ProcessAsync(SlackTurn turn, IBot bot, CancellationToken cancellationToken)
    {
        if (turn.AnsweredPrompt is { } prompt)
        {
            try
            {
                await _api.UpdateMessageAsync(turn.ChannelId, turn.MessageTs, (string?)prompt["text"] ?? turn.Text, prompt["blocks"]!.AsArray(), cancellationToken);
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Could not mark the answered prompt {Ts} in {Channel}", turn.MessageTs, turn.ChannelId);
            }
        }

        using var context = new TurnContext(this, ToActivity(turn, _time.GetUtcNow()));
        context.TurnState.Add(turn);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    /// <summary>The Bot Framework message activity for <paramref name="turn"/>, received at <paramref name="receivedAt"/>.</summary>
    public static Activity ToActivity(SlackTurn turn, DateTimeOffset receivedAt) => new()
    {
        Type = ActivityTypes.Message,
        Id = turn.MessageTs,
        ChannelId = SlackRenderer.ChannelId,
        ServiceUrl = "urn:slack",
        Timestamp = receivedAt,
        Conversation = new ConversationAccount(isGroup: !turn.IsDirect, id: turn.ConversationKey, conversationType: turn.IsDirect ? "personal" : "channel"),
        From = new ChannelAccount(turn.UserId),
        Recipient = new ChannelAccount(turn.BotUserId ?? "slack-bot", "ComplianceBot"),
        Text = turn.Text,
        Value = turn.Value is null ? null : JObject.FromObject(turn.Value),
        Attachments = Enumerable.Range(0, turn.FileCount).Select(_ => new Attachment { ContentType = "application/octet-stream" }).ToList(),
    };

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var turn = turnContext.TurnState.Get<SlackTurn>()
                   ?? throw new InvalidOperationException("SlackAdapter can only send within a turn it started.");
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type != ActivityTypes.Message)
            {
                responses.Add(new ResourceResponse(string.Empty)); // Slack has no typing indicator for bots
                continue;
            }

            var ts = await _api.PostMessageAsync(turn.ChannelId, turn.ThreadTs, ToMessage(activity), cancellationToken);
            responses.Add(new ResourceResponse(ts));
        }

        return [.. responses];
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the bot does not edit its Slack messages through the Bot Framework.</exception>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Slack adapter does not update messages.");

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the bot does not delete its Slack messages.</exception>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Slack adapter does not delete messages.");

    private static JsonObject ToMessage(Activity activity)
    {
        if (activity.ChannelData is JObject data && data["blocks"] is JArray)
        {
            return JsonNode.Parse(data.ToString(Newtonsoft.Json.Formatting.None))!.AsObject();
        }

        return new JsonObject { ["text"] = Mrkdwn.FromMarkdown(activity.Text ?? string.Empty) };
    }
}
