using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// A local HTTP server on a free loopback port that records every request it receives (method, path, headers, body)
/// and answers as the test tells it: stands in for the Bot Connector (Teams' serviceUrl) and for Slack's Web API.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    public sealed record Request(int Index, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public JObject Json => JObject.Parse(Body);

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Answers one request: status and JSON body. Index counts requests from 0.</summary>
    public delegate Task<(int Status, string Body)> Responder(Request request, CancellationToken aborted);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _next;  // index of the next request to arrive
    private int _count; // requests recorded so far: counted after they are in _requests, so a waiter never sees fewer

    private RecordingServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<Request> Requests => [.. _requests.OrderBy(r => r.Index)];

    public Responder Respond { get; set; } = Ok;

    /// <summary>200 with a body that suits both the Bot Connector (<c>id</c>) and Slack (<c>ok</c>, <c>ts</c>).</summary>
    public static Task<(int, string)> Ok(Request request, CancellationToken aborted) =>
        Task.FromResult((200, new JObject { ["id"] = "sent-" + request.Index, ["ok"] = true, ["ts"] = $"1700000000.{request.Index:D6}" }.ToString()));

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (<see cref="Waiting.Guard"/> at most), then returns all of them.</summary>
    public async Task<IReadOnlyList<Request>> WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Waiting.Guard);
        while (Volatile.Read(ref _count) < count)
        {
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} requests, got {Requests.Count}: {string.Join(", ", Requests.Select(r => r.Path))}");
            }
        }

        return Requests;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new Request(
            Interlocked.Increment(ref _next) - 1,
            context.Request.Method,
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(request);
        Interlocked.Increment(ref _count);
        _arrived.Release();
        try
        {
            var (status, responseBody) = await Respond(request, context.RequestAborted);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the client gave up (attempt timeout): nothing to answer
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
