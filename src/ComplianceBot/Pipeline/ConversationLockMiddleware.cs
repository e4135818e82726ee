using ComplianceBot.Storage;
using Microsoft.Bot.Builder;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Pipeline;

/// <summary>
/// Bot Framework middleware: the turns of one conversation run one at a time on this instance, in the order they
/// arrived (different conversations run in parallel). Across instances the state's ETag decides (see
/// <see cref="Bot.ConversationTurns"/>).
/// </summary>
public sealed class ConversationLockMiddleware(KeyedAsyncLock locks) : IMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity?.Conversation?.Id is not { Length: > 0 })
        {
            await next(cancellationToken);
            return;
        }

        using var held = await locks.AcquireAsync(ConversationStateStore.KeyFor(turnContext.Activity), cancellationToken);
        await next(cancellationToken);
    }
}
