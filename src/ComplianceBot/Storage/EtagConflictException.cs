namespace ComplianceBot.Storage;

/// <summary>
/// A write to an <see cref="Microsoft.Bot.Builder.IStorage"/> item was refused because the item changed since it was read:
/// its ETag is no longer the one written with it, it was deleted meanwhile, or it was created by another writer first.
/// </summary>
/// <remarks>
/// Derives from <see cref="ArgumentException"/>, the type the Bot Framework SDK's own <c>MemoryStorage</c> (4.23) throws
/// for an ETag conflict, so code written against the SDK's storage contract catches it unchanged.
/// </remarks>
public sealed class EtagConflictException : ArgumentException
{
    /// <summary>Creates the exception for item <paramref name="key"/> written with <paramref name="etag"/> (null: as a new item).</summary>
    public EtagConflictException(string key, string? etag)
        : base(etag is null
            ? $"Etag conflict: item '{key}' was written as a new item (no ETag) but it already exists."
            : $"Etag conflict: item '{key}' was written with ETag '{etag}', which is not its current ETag (it changed or was deleted since it was read).")
    {
        Key = key;
        ETag = etag;
    }

    /// <summary>The key of the item that was not written.</summary>
    public string Key { get; }

    /// <summary>The ETag it was written with; null for a write as a new item.</summary>
    public string? ETag { get; }
}
