using ComplianceBot.Content;
using ComplianceBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplianceBot.Hosting;

/// <summary>Ready when content is loaded; degraded (still ready) when the last reload failed and the previous content is served.</summary>
public sealed class ContentReadyCheck(ContentStore store) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!store.IsLoaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no content loaded yet"));
        }

        var version = store.Current.Snapshot.Version.ShortHash;
        return Task.FromResult(store.LastResult is { Content: null }
            ? HealthCheckResult.Degraded($"serving content {version}; the last reload failed (see /api/status)")
            : HealthCheckResult.Healthy($"serving content {version}"));
    }
}

/// <summary>Ready when the conversation store answers a read within <see cref="Timeout"/>.</summary>
public sealed class StorageReadyCheck(BotStore store) : IHealthCheck
{
    /// <summary>How long a probe read may take before the store counts as unreachable.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await store.ReadAsync(["readyz/probe"], timeout.Token);
            return HealthCheckResult.Healthy(store.Description);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"storage did not answer within {Timeout.TotalSeconds} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"storage unreachable: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
