using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// Lets a test call the host as if from another machine: a request carrying <see cref="Header"/> is seen with that
/// header's address as its remote address (everything else stays a loopback call).
/// </summary>
public static class RemoteCaller
{
    public const string Header = "X-Test-Remote-Address";

    /// <summary>Adds the start-up filter to <paramref name="builder"/>.</summary>
    public static void Enable(WebApplicationBuilder builder) => builder.Services.AddSingleton<IStartupFilter, Filter>();

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }

                await following(context);
            });
            next(app);
        };
    }
}
