using System.Net.Http.Json;
using ComplianceBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// The real bot host on Kestrel at a free loopback port, reached through real HTTP, as a channel would reach it.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = Waiting.Guard };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="settings"/> override configuration (e.g. <c>Content:KnowledgePath</c>).</summary>
    public static async Task<BotServer> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        // Each host keeps its conversations, audit trail and unanswered questions in its own memory store (tests that need
        // a durable one pass Storage settings), and never writes under the repository's data/ (audit key given).
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Storage:Provider=Memory", "--Audit:UserIdKey=test-user-id-key",
            "--RateLimits:Enabled=false", // tests send many messages quickly; RateLimitTests turn the limits on
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var app = BotHost.Create([.. args], configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotServer(app, new Uri(address));
    }

    /// <summary>Posts an activity with <c>deliveryMode: expectReplies</c>; returns the status and the replies.</summary>
    public async Task<(int Status, IReadOnlyList<JObject> Replies)> SendAsync(JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await Client.PostAsync("/api/messages",
            new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        var replies = string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{')
            ? []
            : (JObject.Parse(body)["activities"] as JArray)?.OfType<JObject>().ToList() ?? [];
        return ((int)response.StatusCode, replies);
    }

    /// <summary>Posts an activity as a channel does (replies go to its serviceUrl); returns the status and the response body.</summary>
    public async Task<(int Status, string Body)> PostAsync(JObject activity, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Stops the host gracefully, as on SIGTERM (the host can still be disposed afterwards).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
