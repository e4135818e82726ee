using ComplianceBot.Pipeline;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Bot;

/// <summary>
/// The Bot Framework <see cref="CloudAdapter"/> running the one turn pipeline (<see cref="TurnPipeline"/>): its middleware
/// and the shared <see cref="TurnErrorHandler"/> (logged, the user told, state kept; a failed invoke answered 500).
/// </summary>
/// <remarks>One constructor only: CloudAdapter's own two are ambiguous for dependency injection.</remarks>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    /// <summary>The log category of the SDK's own messages (the base adapter's logger).</summary>
    public const string SdkLogCategory = "Microsoft.Bot.Builder.CloudAdapter";

    /// <summary>Creates the adapter with <paramref name="authentication"/> (from configuration), the turn pipeline's <paramref name="middleware"/> and <paramref name="errors"/>.</summary>
    /// <remarks>
    /// The SDK's own log lines (one "ProcessActivityAsync" per activity at information level, more per outgoing
    /// connector) go to the category <see cref="SdkLogCategory"/>, which <c>appsettings.json</c> sets to warnings:
    /// per-activity lines at information level cost about a tenth of a turn's CPU under load.
    /// </remarks>
    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, IEnumerable<IMiddleware> middleware, TurnErrorHandler errors,
        ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger(SdkLogCategory))
    {
        this.UsePipeline(middleware, errors);
    }

    /// <summary>
    /// Processes an <paramref name="activity"/> already read from the request (<see cref="ActivityRequestValidator.Read"/>)
    /// as <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> would after reading
    /// it itself: the channel token in <paramref name="authHeader"/> is checked, the turn runs through the middleware and
    /// <paramref name="bot"/>, and the invoke response (for <c>expectReplies</c>, the replies) is written to
    /// <paramref name="response"/>.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The channel token is not valid (the endpoint answers 401).</exception>
    public async Task ProcessAsync(Activity activity, string authHeader, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        var invokeResponse = await ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken);
        await InvokeResponseWriter.WriteAsync(response, invokeResponse);
    }
}
