using ComplianceBot.Pipeline;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Bot;

/// <summary>
/// The Bot Framework <see cref="CloudAdapter"/> with an on-turn error handler: the exception is logged, the user
/// is told something went wrong and that they can go on, and conversation state is kept so the conversation stays usable.
/// A failed invoke is answered 500, not the SDK's 501 for an invoke that got no response.
/// </summary>
/// <remarks>One constructor only: CloudAdapter's own two are ambiguous for dependency injection.</remarks>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    /// <summary>The log category of the SDK's own messages (the base adapter's logger).</summary>
    public const string SdkLogCategory = "Microsoft.Bot.Builder.CloudAdapter";

    /// <summary>The message users see when a turn fails.</summary>
    public const string ErrorMessage =
        "Sorry, something went wrong on my side while handling that message. Your conversation is still here: please try again or rephrase.";

    /// <summary>Creates the adapter with <paramref name="authentication"/> (from configuration), the turn pipeline's <paramref name="middleware"/> and the error handler.</summary>
    /// <remarks>
    /// The SDK's own log lines (one "ProcessActivityAsync" per activity at information level, more per outgoing
    /// connector) go to the category <c>Microsoft.Bot.Builder.CloudAdapter</c>, which <c>appsettings.json</c> sets to
    /// warnings: per-activity lines at information level cost about a tenth of a turn's CPU under load.
    /// </remarks>
    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, IEnumerable<IMiddleware> middleware, ILogger<AdapterWithErrorHandler> logger,
        ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger(SdkLogCategory))
    {
        this.UseAll(middleware);
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Unhandled error in turn {ActivityType} {ActivityId} of conversation {ConversationId}",
                turnContext.Activity?.Type, turnContext.Activity?.Id, turnContext.Activity?.Conversation?.Id);
            if (turnContext.Activity?.Type == ActivityTypes.Invoke && turnContext.TurnState.Get<Activity>(InvokeResponseKey) is null)
            {
                // Without an invoke response the SDK would answer 501 (not implemented), which this failure is not.
                // Set first: it stays in the turn (no network), so it holds even when the connector is what failed.
                await turnContext.SendActivityAsync(new Activity
                {
                    Type = ActivityTypesEx.InvokeResponse,
                    Value = new InvokeResponse { Status = StatusCodes.Status500InternalServerError },
                });
            }

            try
            {
                await turnContext.SendActivityAsync(ErrorMessage);
            }
            catch (Exception sendError)
            {
                logger.LogError(sendError, "Could not tell the user about the error");
            }
        };
    }

    /// <summary>
    /// Processes an <paramref name="activity"/> already read from the request (<see cref="ActivityRequestValidator.Read"/>)
    /// as <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> would after reading
    /// it itself: the channel token in <paramref name="authHeader"/> is checked (401 when it is not valid), the turn runs
    /// through the middleware and <paramref name="bot"/>, and the invoke response (for <c>expectReplies</c>, the replies)
    /// is written to <paramref name="response"/>.
    /// </summary>
    public async Task ProcessAsync(Activity activity, string authHeader, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            var invokeResponse = await ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken);
            await HttpHelper.WriteResponseAsync(response, invokeResponse);
        }
        catch (UnauthorizedAccessException)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }
}
