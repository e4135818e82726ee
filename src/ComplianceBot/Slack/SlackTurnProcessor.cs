using Microsoft.Bot.Builder;

namespace ComplianceBot.Slack;

/// <summary>
/// Works the <see cref="SlackTurnQueue"/> in the background: one reader per lane runs each turn through
/// <see cref="SlackAdapter"/> and the bot. A failing turn is logged and never stops the reader.
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
        Task.WhenAll(Enumerable.Range(0, SlackTurnQueue.PartitionCount).Select(lane => WorkAsync(lane, stoppingToken)));

    private async Task WorkAsync(int lane, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var turn in _queue.Reader(lane).ReadAllAsync(stoppingToken))
            {
                try
                {
                    using var scope = _scopes.CreateScope();
                    await _adapter.ProcessAsync(turn, scope.ServiceProvider.GetRequiredService<IBot>(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    _logger.LogError(ex, "Slack turn for conversation {Conversation} failed", turn.ConversationKey);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
