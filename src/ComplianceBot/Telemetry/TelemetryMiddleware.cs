using System.Diagnostics;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Telemetry;

/// <summary>
/// Bot Framework middleware, outermost in the pipeline: one span per turn (<c>bot.turn</c>, a child of the HTTP request's
/// span when there is one) tagged with the channel, activity type, decision, outcome and content version, never the
/// message text; the turn metrics (<see cref="BotMetrics"/>); the count of turns in flight (for graceful shutdown); and
/// one debug log line per turn carrying the trace id.
/// </summary>
public sealed class TelemetryMiddleware(BotMetrics metrics, TurnsInFlight inFlight, IContentProvider content, TimeProvider time,
    ILogger<TelemetryMiddleware> logger) : IMiddleware
{
    private static readonly HashSet<string> KnownChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        Channels.Msteams, Channels.Emulator, Channels.Directline, Channels.Webchat, Channels.Slack, "console", Channels.Test,
    };

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var channel = ChannelTag(turnContext.Activity?.ChannelId);
        using var span = BotMetrics.Source.StartActivity("bot.turn", ActivityKind.Internal);
        span?.SetTag("bot.channel", channel);
        span?.SetTag("bot.activity_type", turnContext.Activity?.Type);
        var started = time.GetTimestamp();
        using var _ = inFlight.Enter();
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            var (outcome, decision, confidence) = TurnOutcome.Of(turnContext);
            var elapsed = time.GetElapsedTime(started);
            var version = content.Current.Snapshot.Version.ShortHash;
            metrics.Turn(channel, outcome, decision, elapsed, confidence);
            if (span is not null)
            {
                span.SetTag("bot.decision", decision);
                span.SetTag("bot.outcome", outcome);
                span.SetTag("bot.content_version", version);
                if (confidence is { } c)
                {
                    span.SetTag("bot.match_confidence", c);
                }

                if (outcome == TurnOutcome.Failed)
                {
                    span.SetStatus(ActivityStatusCode.Error);
                }
            }

            if (logger.IsEnabled(LogLevel.Debug)) // the arguments (the trace id's text) cost something even when nothing is written
            {
                logger.LogDebug("Turn on {Channel}: {Outcome} ({Decision}) in {Milliseconds} ms, content {ContentVersion}, trace {TraceId}",
                    channel, outcome, decision, (int)elapsed.TotalMilliseconds, version, Activity.Current?.TraceId.ToString() ?? "none");
            }
        }
    }

    /// <summary>The channel id as a metric tag: the known channels by name, anything else <c>other</c> (an unauthenticated caller chooses the id).</summary>
    public static string ChannelTag(string? channelId) =>
        channelId is not null && KnownChannels.Contains(channelId) ? channelId.ToLowerInvariant() : "other";
}
