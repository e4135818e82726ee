using Microsoft.Bot.Builder;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Pipeline;

/// <summary>
/// The one middleware pipeline every adapter runs (Bot Framework endpoint, Slack, web chat): the <see cref="IMiddleware"/>
/// services registered, in registration order (see <c>ServiceRegistration.AddWebHostServices</c>: telemetry, errors,
/// rate limits, one turn per conversation, audit), and the one <see cref="TurnErrorHandler"/>. Cross-cutting concerns
/// are added there, never in an adapter.
/// </summary>
public static class TurnPipeline
{
    /// <summary>Adds <paramref name="middleware"/> to <paramref name="adapter"/>, in order, and makes <paramref name="errors"/> its <c>OnTurnError</c>.</summary>
    public static void UsePipeline(this BotAdapter adapter, IEnumerable<IMiddleware> middleware, TurnErrorHandler errors)
    {
        foreach (var step in middleware)
        {
            adapter.Use(step);
        }

        adapter.OnTurnError = errors.HandleAsync;
    }
}
