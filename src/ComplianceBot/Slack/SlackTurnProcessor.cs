using Microsoft.Bot.Builder;

namespace ComplianceBot.Slack;

/// <summary>
/// Works the <see cref="SlackTurnQueue"/> in the background: one reader per lane runs each turn through
/// <see cref="SlackAdapter"/> and the bot. A failing turn is logged and never stops the reader. On graceful shutdown
/// the queue takes no more turns and the turns already acknowledged to Slack are still answered (within the host's
/// shutdown timeout), so none is dropped.
/// </summary>
public sealed class SlackTurnProcessor : BackgroundService
{
    private readonly SlackTurnQueue _queue;
    private readonly SlackAdapter _adapter;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<SlackTurnProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public SlackTurnProcessor(SlackTurnQueue queue, SlackAdapter adapter, IServiceScopeFactory scopes, ILogger<SlackTurnProcessor> logger)
    {
        _queue = queue;
        _adapter = adapter;
        _scopes = scopes;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, SlackTurnQueue.PartitionCount).Select(WorkAsync));

    /// <summary>Completes the queue, then waits for the queued turns to be answered (or <paramref name="cancellationToken"/>, the shutdown timeout).</summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        return base.StopAsync(cancellationToken);
    }

    private async Task WorkAsync(int lane)
    {
        await Task.Yield();
        await foreach (var turn in _queue.Reader(lane).ReadAllAsync())
        {
            try
            {
                using var scope = _scopes.CreateScope();
                await _adapter.ProcessAsync(turn, scope.ServiceProvider.GetRequiredService<IBot>(), CancellationToken.None);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Slack turn for conversation {Conversation} failed", turn.ConversationKey);
            }
        }
    }
}
