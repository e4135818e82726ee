using System.Text.Json;
using Microsoft.Bot.Builder;

namespace ComplianceBot.Storage;

/// <summary>
/// An item as this application's <see cref="IStorage"/> providers return it: its JSON document (System.Text.Json; no
/// .NET type names) and its ETag. Writing it back with that ETag succeeds only if nobody wrote the item in between;
/// a new <see cref="StoredDocument"/> with a null ETag is written only if the key is free.
/// </summary>
public sealed class StoredDocument : IStoreItem
{
    /// <summary>Creates an item holding <paramref name="json"/> (a JSON object) with <paramref name="etag"/>.</summary>
    public StoredDocument(string json, string? etag = null)
    {
        Json = json;
        ETag = etag!;
    }

    /// <summary>The item's JSON document, as written.</summary>
    public string Json { get; }

    /// <summary>
    /// The item's version as last read, or as written once a write of this document succeeded; null for an item not read
    /// from storage (written only if the key is free), <c>*</c> to overwrite whatever is there.
    /// </summary>
    public string ETag { get; set; }

    /// <summary>The document read as <typeparamref name="T"/> with <see cref="StorageJson.Options"/>; an <see cref="IStoreItem"/> gets this item's ETag.</summary>
    /// <exception cref="JsonException">The document is not a <typeparamref name="T"/>.</exception>
    public T Deserialize<T>()
    {
        var value = JsonSerializer.Deserialize<T>(Json, StorageJson.Options) ?? throw new JsonException($"The stored document is null, not a {typeof(T).Name}.");
        if (value is IStoreItem item)
        {
            item.ETag = ETag;
        }

        return value;
    }
}
