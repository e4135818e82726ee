using ComplianceBot.Storage;
using Microsoft.Bot.Builder;

namespace ComplianceBot.Slack;

/// <summary>
/// Remembers which Slack event ids, messages (<c>channel</c> + <c>ts</c>) and button clicks were already taken, so a
/// retried delivery (<c>X-Slack-Retry-Num</c>), the <c>app_mention</c> and <c>message</c> events for one post, or a
/// delivery that reached two instances produce one reply. Each is an item in the shared <see cref="IStorage"/>, written
/// as a new item: the store lets exactly one writer create it, on this instance or another. Entries are deleted by the
/// background sweep after <see cref="SlackOptions.DeduplicationWindow"/>.
/// </summary>
public sealed class SlackDeliveryLog(IStorage storage)
{
    /// <summary>The key prefix of delivery entries (expiry deletes by it).</summary>
    public const string KeyPrefix = "slack/";

    /// <summary>Takes event <paramref name="eventId"/>; false when it was already taken.</summary>
    public Task<bool> TryTakeEventAsync(string eventId, CancellationToken cancellationToken) => TryTakeAsync(EventKey(eventId), cancellationToken);

    /// <summary>Takes the message <paramref name="ts"/> in <paramref name="channelId"/>; false when already taken.</summary>
    public Task<bool> TryTakeMessageAsync(string channelId, string ts, CancellationToken cancellationToken) =>
        TryTakeAsync(MessageKey(channelId, ts), cancellationToken);

    /// <summary>Takes the click of <paramref name="userId"/> at <paramref name="actionTs"/> in <paramref name="channelId"/>; false when already taken.</summary>
    public Task<bool> TryTakeInteractionAsync(string channelId, string userId, string actionTs, CancellationToken cancellationToken) =>
        TryTakeAsync($"{KeyPrefix}interaction/{channelId}/{userId}/{actionTs}", cancellationToken);

    /// <summary>Forgets event <paramref name="eventId"/> and the message <paramref name="ts"/> in <paramref name="channelId"/>, so Slack's retry is handled (used when a taken event could not be queued).</summary>
    public Task ReleaseAsync(string eventId, string channelId, string ts) => storage.DeleteAsync([EventKey(eventId), MessageKey(channelId, ts)]);

    /// <summary>Forgets event <paramref name="eventId"/> (taken, then not handled), so Slack's retry is handled.</summary>
    public Task ReleaseEventAsync(string eventId) => storage.DeleteAsync([EventKey(eventId)]);

    private static string EventKey(string eventId) => $"{KeyPrefix}event/{eventId}";

    private static string MessageKey(string channelId, string ts) => $"{KeyPrefix}message/{channelId}/{ts}";

    private async Task<bool> TryTakeAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [key] = new StoredDocument("{}") }, cancellationToken);
            return true;
        }
        catch (EtagConflictException)
        {
            return false;
        }
    }
}
