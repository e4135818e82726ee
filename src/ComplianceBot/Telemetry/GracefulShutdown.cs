using Microsoft.AspNetCore.Hosting.Server;

namespace ComplianceBot.Telemetry;

/// <summary>
/// Graceful shutdown (SIGTERM, Ctrl+C): when stopping begins it says how many turns are in flight; the web server stops
/// first (the host stops it before the other services: no new requests, the requests in flight and so their turns are
/// finished), then this service waits for any turn still running, and only then do the Slack processor (which answers
/// the turns already acknowledged) and the audit writer (which writes everything queued) stop, so a turn in flight at
/// shutdown is answered and recorded. All within the host's shutdown timeout (<c>HostOptions:ShutdownTimeout</c>, 30 s by default).
/// </summary>
public sealed class GracefulShutdown(IServer server, TurnsInFlight turns, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping: no new requests; finishing {Count} turns in flight", turns.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await server.StopAsync(cancellationToken); // already stopped by the host, unless something changed its order
            await turns.WhenNoneAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Shutdown timed out with {Count} turns still in flight", turns.Count);
        }
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
