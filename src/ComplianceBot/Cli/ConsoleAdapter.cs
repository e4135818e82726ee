using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Cli;

/// <summary>
/// A Bot Framework adapter for the terminal: runs turns through the same bot (and middleware pipeline) as the web
/// host and hands the bot's outgoing activities to a callback instead of a channel.
/// </summary>
public sealed class ConsoleAdapter : BotAdapter
{
    private readonly Action<Activity> _onSend;

    /// <summary>Creates the adapter; <paramref name="onSend"/> receives every activity the bot sends.</summary>
    public ConsoleAdapter(Action<Activity> onSend)
    {
        _onSend = onSend;
    }

    /// <summary>The channel id of console conversations.</summary>
    public const string ChannelId = "console";

    /// <summary>Runs one turn for <paramref name="activity"/> through <paramref name="bot"/>.</summary>
    public Task ProcessAsync(Activity activity, IBot bot, CancellationToken cancellationToken = default)
    {
        using var context = new TurnContext(this, activity);
        return RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Message)
            {
                _onSend(activity);
            }

            responses.Add(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }

        return Task.FromResult(responses.ToArray());
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: a terminal cannot edit printed messages.</exception>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot update a message that was already printed.");

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: a terminal cannot delete printed messages.</exception>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot delete a message that was already printed.");
}
