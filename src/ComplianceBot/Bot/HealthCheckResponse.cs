using Newtonsoft.Json;

namespace ComplianceBot.Bot;

/// <summary>
/// The body of the answer to a <c>healthCheck</c> invoke, in the shape the Bot Framework defines for it
/// (<c>{"healthResults": {"success": true, "messages": [...]}}</c>; the SDK 4.23 no longer ships the type).
/// </summary>
/// <param name="HealthResults">The results.</param>
public sealed record HealthCheckResponse([property: JsonProperty("healthResults")] HealthResults HealthResults);

/// <summary>The results of a health check (Bot Framework <c>HealthResults</c>).</summary>
/// <param name="Success">True when the bot is healthy: it received the invoke and ran the turn.</param>
/// <param name="Messages">Informational lines, e.g. <c>Health check succeeded.</c> and the served content version.</param>
/// <remarks>
/// The Bot Framework's optional <c>authorization</c> and <c>user-agent</c> (copies of the headers the bot would send on
/// callbacks) are left out: a bot token has no business in a response body.
/// </remarks>
public sealed record HealthResults(
    [property: JsonProperty("success")] bool Success,
    [property: JsonProperty("messages")] IReadOnlyList<string> Messages);
