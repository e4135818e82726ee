using Microsoft.Bot.Builder;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Pipeline;

/// <summary>
/// The one middleware pipeline every adapter runs (Bot Framework endpoint, Slack, web chat): the <see cref="IMiddleware"/>
/// services registered, in registration order. Cross-cutting concerns (serialised turns, the audit trail; later
/// telemetry and rate limits) are added here, not in the adapters.
/// </summary>
public static class TurnPipeline
{
    /// <summary>Adds <paramref name="middleware"/> to <paramref name="adapter"/>, in order.</summary>
    public static void UseAll(this BotAdapter adapter, IEnumerable<IMiddleware> middleware)
    {
        foreach (var step in middleware)
        {
            adapter.Use(step);
        }
    }
}
