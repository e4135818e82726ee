using ComplianceBot.Pipeline;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Bot;

/// <summary>
/// The Bot Framework <see cref="CloudAdapter"/> running the one turn pipeline (<see cref="TurnPipeline"/>): its middleware
/// and the shared <see cref="TurnErrorHandler"/> (logged, the user told, state kept; a failed invoke answered 500).
/// </summary>
/// <remarks>One constructor only: CloudAdapter's own two are ambiguous for dependency injection.</remarks>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    /// <summary>Creates the adapter with <paramref name="authentication"/> (from configuration), the turn pipeline's <paramref name="middleware"/> and <paramref name="errors"/>.</summary>
    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, IEnumerable<IMiddleware> middleware, TurnErrorHandler errors,
        ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        this.UsePipeline(middleware, errors);
    }
}
