using ComplianceBot.Audit;
using ComplianceBot.Reporting;
using ComplianceBot.Slack;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Storage;

/// <summary>What one sweep of <see cref="ExpiryService"/> deleted.</summary>
/// <param name="Conversations">Conversations idle for longer than <see cref="StorageOptions.ConversationTtl"/>.</param>
/// <param name="SlackDeliveries">Slack delivery ids older than <see cref="SlackOptions.DeduplicationWindow"/>.</param>
/// <param name="AuditRecords">Audit records older than <see cref="AuditOptions.RetentionDays"/>.</param>
/// <param name="UnansweredQuestions">Unanswered questions not asked for <see cref="UnansweredOptions.RetentionDays"/>.</param>
public sealed record SweepResult(int Conversations, int SlackDeliveries, int AuditRecords, int UnansweredQuestions);

/// <summary>
/// Deletes what is kept no longer than configured, at start-up and then every <see cref="StorageOptions.ExpiryScanInterval"/>
/// on the injected <see cref="TimeProvider"/>: idle conversations, Slack delivery ids, old audit records and unanswered
/// questions. A failed sweep is logged and tried again at the next interval.
/// </summary>
public sealed class ExpiryService(BotStore store, IOptions<StorageOptions> storage, IOptions<AuditOptions> audit, IOptions<UnansweredOptions> unanswered,
    IOptions<SlackOptions> slack, TimeProvider time, ILogger<ExpiryService> logger) : BackgroundService
{
    /// <summary>Raised after each sweep (tests wait on it instead of on time).</summary>
    public event Action<SweepResult>? Swept;

    /// <summary>Deletes everything past its time now.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var result = new SweepResult(
            await store.DeleteIdleAsync(ConversationStateStore.KeyPrefix, now - storage.Value.ConversationTtl, cancellationToken),
            await store.DeleteIdleAsync(SlackDeliveryLog.KeyPrefix, now - slack.Value.DeduplicationWindow, cancellationToken),
            await store.DeleteAuditBeforeAsync(now - TimeSpan.FromDays(audit.Value.RetentionDays), cancellationToken),
            await store.DeleteUnansweredBeforeAsync(now - TimeSpan.FromDays(unanswered.Value.RetentionDays), cancellationToken));
        if (result.Conversations + result.SlackDeliveries + result.AuditRecords + result.UnansweredQuestions > 0)
        {
            logger.LogInformation("Expired and deleted: {Conversations} conversations, {Slack} Slack delivery ids, {Audit} audit records, {Unanswered} unanswered questions",
                result.Conversations, result.SlackDeliveries, result.AuditRecords, result.UnansweredQuestions);
        }

        Swept?.Invoke(result);
        return result;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(storage.Value.ExpiryScanInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Expiry sweep of {Store} failed; trying again in {Interval}", store.Description, storage.Value.ExpiryScanInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
