using System.Threading.RateLimiting;
using ComplianceBot.Pipeline;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Web;

/// <summary>
/// ASP.NET Core rate limiting of the web chat API per client address (<see cref="RateLimitOptions.WebChatClient"/>):
/// a flood gets 429 with <c>Retry-After</c> (seconds) and <c>{"error": "…"}</c>, before any turn runs.
/// </summary>
public static class WebChatRateLimit
{
    /// <summary>The name of the policy the web chat endpoints require.</summary>
    public const string PolicyName = "webchat-client";

    /// <summary>Adds the policy (no limit when <see cref="RateLimitOptions.Enabled"/> is false).</summary>
    public static IServiceCollection AddWebChatRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                if (!options.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.WebChatClient.PermitLimit,
                    Window = options.WebChatClient.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await rejected.HttpContext.Response.WriteAsJsonAsync(
                    new { error = $"Too many requests from this client; try again in {seconds} s." }, cancellationToken);
            };
        });
        return services;
    }
}
