using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Slack;

/// <summary>
/// Remembers, for <see cref="SlackOptions.DeduplicationWindow"/>, which Slack event ids and which messages
/// (<c>channel</c> + <c>ts</c>) were already taken, so a retried delivery (<c>X-Slack-Retry-Num</c>) or the
/// <c>app_mention</c> and <c>message</c> events for one post produce one reply. Registration is atomic.
/// </summary>
/// <remarks>In memory, per process: several instances behind a load balancer need a shared store instead.</remarks>
public sealed class SlackDeliveryLog
{
    private const int PurgeThreshold = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;

    /// <summary>Creates the log with the configured window and clock.</summary>
    public SlackDeliveryLog(IOptions<SlackOptions> options, TimeProvider time)
    {
        _window = options.Value.DeduplicationWindow;
        _time = time;
    }

    /// <summary>Records event <paramref name="eventId"/>; false when it was already recorded within the window.</summary>
    public bool TryTakeEvent(string eventId) => TryTake("event:" + eventId);

    /// <summary>Records the message <paramref name="ts"/> in <paramref name="channelId"/>; false when already taken within the window.</summary>
    public bool TryTakeMessage(string channelId, string ts) => TryTake($"message:{channelId}:{ts}");

    /// <summary>Forgets event <paramref name="eventId"/> and the message <paramref name="ts"/> in <paramref name="channelId"/>, so Slack's retry is handled (used when a taken event could not be queued).</summary>
    public void Release(string eventId, string channelId, string ts)
    {
        _seen.TryRemove("event:" + eventId, out _);
        _seen.TryRemove($"message:{channelId}:{ts}", out _);
    }

    private bool TryTake(string key)
    {
        var now = _time.GetUtcNow();
        if (_seen.Count > PurgeThreshold)
        {
            foreach (var (oldKey, at) in _seen)
            {
                if (now - at > _window)
                {
                    _seen.TryRemove(oldKey, out _);
                }
            }
        }

        while (true)
        {
            if (_seen.TryAdd(key, now))
            {
                return true;
            }

            if (_seen.TryGetValue(key, out var at) && now - at <= _window)
            {
                return false;
            }

            if (_seen.TryUpdate(key, now, at))
            {
                return true; // the earlier entry had expired
            }
        }
    }
}
