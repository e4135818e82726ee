using System.Text.Json;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ConversationState = ComplianceBot.Core.Conversation.ConversationState;

namespace ComplianceBot.Storage;

/// <summary>What was stored for a conversation when a turn read it.</summary>
public enum StoredStateStatus
{
    /// <summary>Nothing: a new conversation, or one whose state expired and was deleted.</summary>
    Absent,

    /// <summary>A readable document of the current schema.</summary>
    Readable,

    /// <summary>A document that is not valid JSON of the state, or of another schema version (a fresh state is used instead).</summary>
    Unreadable,
}

/// <summary>A conversation's state as a turn read it, with the ETag to save the next state with.</summary>
/// <param name="State">The state (fresh when <see cref="Status"/> is not <see cref="StoredStateStatus.Readable"/>).</param>
/// <param name="ETag">The stored item's ETag; null when nothing was stored (the next state is then saved only if still nothing is).</param>
/// <param name="Status">What was found.</param>
/// <param name="LostDialogId">For an unreadable document, the id of the check it seems to hold, when that much can be read; null otherwise.</param>
public sealed record StoredConversation(ConversationState State, string? ETag, StoredStateStatus Status, string? LostDialogId = null)
{
    /// <summary>
    /// True when the state came from <see cref="ConversationStateCache"/> (what this instance saved last), not from the
    /// store: saving the next state with <see cref="ETag"/> confirms it; a turn that saves nothing must read the store first.
    /// </summary>
    public bool FromCache { get; init; }
}

/// <summary>
/// Reads and saves conversation state in the <see cref="IStorage"/> as the versioned JSON document of
/// <see cref="ConversationStateJson"/> (System.Text.Json, <c>schemaVersion</c> field, no .NET type names), one item per
/// conversation under <c>conversations/{channel}/{conversation id}</c>, saved only with the ETag it was read with.
/// </summary>
/// <remarks>Replaces Bot Framework's <c>ConversationState</c>/<c>BotState</c>, whose saves ignore ETags (the last writer wins) and whose <c>MemoryStorage</c> writes .NET type names.
/// Each read and write of the store is timed into <c>compliancebot.storage.duration</c> (<see cref="Telemetry.BotMetrics"/>).
/// What a successful save wrote is kept in <paramref name="cache"/>, so a turn can start from it (<see cref="ReadCachedAsync"/>).</remarks>
public sealed class ConversationStateStore(IStorage storage, Telemetry.BotMetrics metrics, TimeProvider time, ConversationStateCache cache)
{
    /// <summary>The key prefix of conversation items (expiry deletes by it).</summary>
    public const string KeyPrefix = "conversations/";

    /// <summary>The storage key of the conversation of <paramref name="activity"/>.</summary>
    public static string KeyFor(IActivity activity) => $"{KeyPrefix}{activity.ChannelId}/{activity.Conversation?.Id}";

    /// <summary>
    /// The state this instance saved last under <paramref name="key"/> (<see cref="StoredConversation.FromCache"/>), when
    /// <see cref="ConversationStateCache"/> still holds it; otherwise <see cref="ReadAsync"/>. Only for a turn that saves
    /// its next state conditionally on the ETag (which fails if the item changed elsewhere meanwhile).
    /// </summary>
    public ValueTask<StoredConversation> ReadCachedAsync(string key, CancellationToken cancellationToken)
    {
        return cache.TryGet(key, out var state, out var etag)
            ? ValueTask.FromResult(new StoredConversation(state, etag, StoredStateStatus.Readable) { FromCache = true })
            : new ValueTask<StoredConversation>(ReadAsync(key, cancellationToken));
    }

    /// <summary>Reads the state under <paramref name="key"/> from the store; never throws for a damaged document (it reads as <see cref="StoredStateStatus.Unreadable"/>).</summary>
    public async Task<StoredConversation> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var items = await storage.ReadAsync([key], cancellationToken);
        metrics.Storage("read", time.GetElapsedTime(started));
        if (!items.TryGetValue(key, out var item) || item is null)
        {
            return new StoredConversation(new ConversationState(), null, StoredStateStatus.Absent);
        }

        var (json, etag) = item switch
        {
            StoredDocument document => (document.Json, document.ETag),
            IStoreItem other => (JsonSerializer.Serialize(other, other.GetType(), StorageJson.Options), other.ETag),
            _ => (JsonSerializer.Serialize(item, item.GetType(), StorageJson.Options), "*"),
        };
        return ConversationStateJson.TryRead(json) is { } state
            ? new StoredConversation(state, etag, StoredStateStatus.Readable)
            : new StoredConversation(new ConversationState(), etag, StoredStateStatus.Unreadable, DialogIdIn(json));
    }

    /// <summary>
    /// Saves <paramref name="state"/> under <paramref name="key"/> if the item still has <paramref name="etag"/> (null: if
    /// there is still no item); false when another turn saved first (nothing written). What was saved, with its new ETag,
    /// is what <see cref="ReadCachedAsync"/> returns next; after a refusal it reads the store.
    /// </summary>
    public async Task<bool> TryWriteAsync(string key, ConversationState state, string? etag, CancellationToken cancellationToken)
    {
        var document = new StoredDocument(ConversationStateJson.Write(state), etag);
        var started = time.GetTimestamp();
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [key] = document }, cancellationToken);
            if (document.ETag is { } written && written != etag && written != "*")
            {
                cache.Saved(key, document.Json, written);
            }
            else
            {
                cache.Forget(key); // a store that does not say the new ETag: nothing to start the next turn from
            }

            return true;
        }
        catch (EtagConflictException)
        {
            cache.Forget(key);
            return false;
        }
        catch
        {
            cache.Forget(key); // whether it was written is unknown
            throw;
        }
        finally
        {
            metrics.Storage("write", time.GetElapsedTime(started));
        }
    }

    private static string? DialogIdIn(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("dialog", out var dialog) && dialog.ValueKind == JsonValueKind.Object
                   && dialog.TryGetProperty("dialogId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
