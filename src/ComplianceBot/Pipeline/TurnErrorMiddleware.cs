using Microsoft.Bot.Builder;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Pipeline;

/// <summary>
/// Bot Framework middleware: an exception thrown further down the pipeline (rate limit, lock, audit, the bot) is handed
/// to the one <see cref="TurnErrorHandler"/>, so every adapter reports errors the same way. A cancelled request is not
/// an error and is let through.
/// </summary>
public sealed class TurnErrorMiddleware(TurnErrorHandler handler) : IMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        try
        {
            await next(cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await handler.HandleAsync(turnContext, ex);
        }
    }
}
