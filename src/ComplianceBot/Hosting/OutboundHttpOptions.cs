using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Hosting;

/// <summary>
/// How outgoing HTTP calls (replies to Teams through the Bot Connector at the activity's <c>serviceUrl</c>, Slack's
/// Web API) are retried (configuration section <c>OutboundHttp</c>). Retried: HTTP 408, 429 (after <c>Retry-After</c>
/// when given), 5xx, connection failures and attempts that exceed <see cref="AttemptTimeout"/>; with exponential
/// back-off and jitter, until <see cref="MaxRetries"/> or <see cref="TotalTimeout"/> is reached.
/// </summary>
public sealed class OutboundHttpOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "OutboundHttp";

    /// <summary>Retries after the first attempt. Default 3.</summary>
    [Range(1, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; doubles with each further retry (with jitter). Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for one attempt before it is abandoned and retried. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time for a call including all retries. Default 60 seconds; must exceed <see cref="AttemptTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.020", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
