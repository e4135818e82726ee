using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Pipeline;

/// <summary>
/// The one turn-error handler of every adapter (Bot Framework endpoint, Slack, web chat): the exception is logged with
/// the turn's channel, activity and conversation, the turn is marked failed (<see cref="TurnFailed"/>, read by telemetry),
/// and the user is told something went wrong and that they can go on; conversation state is kept so the conversation
/// stays usable. A failed invoke is answered 500, not the SDK's 501 for an invoke that got no response.
/// Used by <see cref="TurnErrorMiddleware"/> (errors inside the pipeline) and as every adapter's <c>OnTurnError</c>.
/// </summary>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> logger)
{
    /// <summary>The message users see when a turn fails.</summary>
    public const string ErrorMessage =
        "Sorry, something went wrong on my side while handling that message. Your conversation is still here: please try again or rephrase.";

    /// <summary>Handles <paramref name="exception"/>, thrown while <paramref name="turnContext"/>'s turn ran. Never throws for a failed send (it is logged).</summary>
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        turnContext.TurnState.Set(new TurnFailed(exception));
        var activity = turnContext.Activity;
        var undeliverable = IsDeliveryFailure(exception);
        if (undeliverable)
        {
            // The channel's service could not be reached or refused the reply after the retries (each logged as a
            // warning): one line, no stack trace; telling the user over the same service would only fail again.
            logger.LogError("The reply of {Channel} turn {ActivityType} {ActivityId} of conversation {ConversationId} could not be delivered to {ServiceUrl} ({Failure})",
                activity?.ChannelId, activity?.Type, activity?.Id, activity?.Conversation?.Id, activity?.ServiceUrl, exception.GetType().Name + ": " + exception.Message);
        }
        else
        {
            logger.LogError(exception, "Unhandled error in {Channel} turn {ActivityType} {ActivityId} of conversation {ConversationId}",
                activity?.ChannelId, activity?.Type, activity?.Id, activity?.Conversation?.Id);
        }

        try
        {
            if (turnContext.Activity?.Type == ActivityTypes.Invoke && turnContext.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey) is null)
            {
                // Without an invoke response the SDK would answer 501 (not implemented), which this failure is not.
                // Set first: it stays in the turn (no network), so it holds even when the connector is what failed.
                await turnContext.SendActivityAsync(new Activity
                {
                    Type = ActivityTypesEx.InvokeResponse,
                    Value = new InvokeResponse { Status = StatusCodes.Status500InternalServerError },
                });
            }

            if (!undeliverable)
            {
                await turnContext.SendActivityAsync(ErrorMessage);
            }
        }
        catch (Exception sendError)
        {
            logger.LogError(sendError, "Could not tell the {Channel} user about the error", turnContext.Activity?.ChannelId);
        }
    }

    /// <summary>
    /// True for a failure to reach the channel's service with a reply: a network error or an attempt timeout of the
    /// outbound HTTP pipeline, or an error status the connector still answered after the retries.
    /// </summary>
    private static bool IsDeliveryFailure(Exception exception) =>
        exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Microsoft.Bot.Schema.ErrorResponseException
            or Microsoft.Rest.HttpOperationException;
}

/// <summary>Put in a turn's <c>TurnState</c> when the turn failed with <paramref name="Exception"/>.</summary>
public sealed record TurnFailed(Exception Exception);
