namespace ComplianceBot.Pipeline;

/// <summary>Put in a turn's <c>TurnState</c> when its message was over the rate limit of <paramref name="Scope"/> (<c>user</c> or <c>conversation</c>) and not read.</summary>
public sealed record RateLimitedTurn(string Scope);
