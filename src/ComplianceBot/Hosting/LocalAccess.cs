using System.Net;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Hosting;

/// <summary>Applies <see cref="HostingOptions.AllowRemoteWithoutAuthentication"/> to a request.</summary>
public sealed class LocalAccess
{
    private readonly HostingOptions _options;

    /// <summary>Creates the check from the configured options.</summary>
    public LocalAccess(IOptions<HostingOptions> options)
    {
        _options = options.Value;
    }

    /// <summary>
    /// True when remote access is allowed, or the caller's address is a loopback address (an in-process test server
    /// with no connection address counts as local).
    /// </summary>
    public bool Allows(HttpContext context)
    {
        if (_options.AllowRemoteWithoutAuthentication)
        {
            return true;
        }

        return IsLocal(context);
    }

    /// <summary>True when <see cref="HostingOptions.AllowRemoteMonitoring"/> is set or the caller is on this machine.</summary>
    public bool AllowsMonitoring(HttpContext context) => _options.AllowRemoteMonitoring || IsLocal(context);

    /// <summary>The 403 answer for a remote caller of the monitoring endpoint <paramref name="path"/>.</summary>
    public static IResult MonitoringRefusal(string? path) => Results.Json(
        new { error = $"{path} answers requests from this machine only; set Hosting:AllowRemoteMonitoring=true to let a scraper on another host read it." },
        statusCode: StatusCodes.Status403Forbidden);

    private static bool IsLocal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }

    /// <summary>The 403 answer for a refused caller: <paramref name="what"/> and how to open it up.</summary>
    /// <param name="what">What is restricted and what else could be configured, e.g. "The web chat".</param>
    public static IResult Refusal(string what) => Results.Json(
        new { error = $"{what} accepts requests from this machine only; set Hosting:AllowRemoteWithoutAuthentication=true to open it on a trusted network." },
        statusCode: StatusCodes.Status403Forbidden);
}
