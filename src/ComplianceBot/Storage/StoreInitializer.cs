namespace ComplianceBot.Storage;

/// <summary>Creates or migrates the store's schema when the host starts, before it accepts requests; a store it cannot reach stops the start with the reason.</summary>
public sealed class StoreInitializer(BotStore store, ILogger<StoreInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        logger.LogInformation("Conversations, audit trail and unanswered questions are kept in {Store}", store.Description);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
