namespace ComplianceBot.Hosting;

/// <summary>Who may reach the endpoints that have no channel authentication (configuration section <c>Hosting</c>).</summary>
public sealed class HostingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Hosting";

    /// <summary>
    /// False (default): the web chat API, and <c>/api/messages</c> while no <c>MicrosoftAppId</c> is configured,
    /// answer only callers on this machine (loopback addresses); others get 403. True opens them to any caller:
    /// only for a trusted network.
    /// </summary>
    public bool AllowRemoteWithoutAuthentication { get; set; }

    /// <summary>
    /// False (default): the monitoring endpoints that describe the service (<c>/api/status</c>, the Prometheus scrape
    /// endpoint <c>/metrics</c>) answer only callers on this machine; others get 403. True opens them to any caller (a
    /// scraper on another host): put them behind a network boundary. <c>/healthz</c> and <c>/readyz</c> are always open.
    /// </summary>
    public bool AllowRemoteMonitoring { get; set; }
}
