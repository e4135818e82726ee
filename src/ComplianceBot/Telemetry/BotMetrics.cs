using System.Diagnostics;
using System.Diagnostics.Metrics;
using ComplianceBot.Content;
using ComplianceBot.Slack;

namespace ComplianceBot.Telemetry;

/// <summary>
/// The bot's OpenTelemetry instruments: the <see cref="ActivitySource"/> of turn spans and the <see cref="Meter"/>
/// named <see cref="Name"/>. Metric names as exported to Prometheus (dots become underscores, units are appended):
/// <list type="bullet">
/// <item><c>compliancebot.turns</c> (counter, turns; tags <c>channel</c>, <c>outcome</c>, <c>decision</c>).</item>
/// <item><c>compliancebot.turn.duration</c> (histogram, seconds; tags <c>channel</c>, <c>outcome</c>).</item>
/// <item><c>compliancebot.match.confidence</c> (histogram, 0–1; tag <c>decision</c>): the matcher's confidence of turns that have one.</item>
/// <item><c>compliancebot.storage.duration</c> (histogram, seconds; tag <c>operation</c> = <c>read</c> | <c>write</c>): conversation state reads and writes.</item>
/// <item><c>compliancebot.content.reloads</c> and <c>compliancebot.content.reload.errors</c> (counters): content loads, and those that failed (the last good content kept serving).</item>
/// <item><c>compliancebot.slack.queue.depth</c> (gauge, turns): Slack turns acknowledged and not yet answered.</item>
/// <item><c>compliancebot.rate_limited</c> (counter, messages; tag <c>scope</c> = <c>user</c> | <c>conversation</c>): messages not handled because a rate limit was reached.</item>
/// </list>
/// No instrument carries message text, user or conversation ids.
/// </summary>
public sealed class BotMetrics
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "ComplianceBot";

    /// <summary>The source of the turn spans (one per turn, see <see cref="TelemetryMiddleware"/>).</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly double[] ConfidenceBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _confidence;
    private readonly Histogram<double> _storageDuration;
    private readonly Counter<long> _rateLimited;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>; reloads are read from <paramref name="content"/> and the Slack queue depth from <paramref name="slackQueues"/> (none in the command line).</summary>
    public BotMetrics(IMeterFactory meters, ContentStore content, IEnumerable<SlackTurnQueue> slackQueues)
    {
        var meter = meters.Create(Name);
        _turns = meter.CreateCounter<long>("compliancebot.turns", "{turn}", "Turns handled, by channel, outcome and decision.");
        _turnDuration = meter.CreateHistogram("compliancebot.turn.duration", "s", "Time from receiving an activity to the end of its turn.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _confidence = meter.CreateHistogram("compliancebot.match.confidence", "1", "The matcher's confidence of the topic a turn went to (0 to 1).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ConfidenceBuckets });
        _storageDuration = meter.CreateHistogram("compliancebot.storage.duration", "s", "Conversation state reads and writes.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _rateLimited = meter.CreateCounter<long>("compliancebot.rate_limited", "{message}", "Messages not handled because a rate limit was reached.");
        meter.CreateObservableCounter("compliancebot.content.reloads", () => content.ReloadCount, "{reload}", "Content loads (start-up and hot reloads).");
        meter.CreateObservableCounter("compliancebot.content.reload.errors", () => content.FailedReloadCount, "{reload}",
            "Content loads that failed (the last good content kept serving).");
        var queues = slackQueues.ToList();
        meter.CreateObservableGauge("compliancebot.slack.queue.depth", () => queues.Sum(q => q.Count), "{turn}", "Slack turns acknowledged and not yet answered.");
    }

    /// <summary>Records a finished turn.</summary>
    public void Turn(string channel, string outcome, string decision, TimeSpan duration, double? confidence)
    {
        _turns.Add(1, new("channel", channel), new("outcome", outcome), new("decision", decision));
        _turnDuration.Record(duration.TotalSeconds, new("channel", channel), new("outcome", outcome));
        if (confidence is { } c)
        {
            _confidence.Record(c, new KeyValuePair<string, object?>("decision", decision));
        }
    }

    /// <summary>Records one conversation state <paramref name="operation"/> (<c>read</c> or <c>write</c>) that took <paramref name="duration"/>.</summary>
    public void Storage(string operation, TimeSpan duration) => _storageDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>Records a message refused by the rate limit of <paramref name="scope"/> (<c>user</c> or <c>conversation</c>).</summary>
    public void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));
}
