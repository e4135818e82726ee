using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Storage;

/// <summary>How the <see cref="Microsoft.Bot.Builder.IStorage"/> providers turn a value into the document they store, and which ETag condition its write carries.</summary>
public static class StorageJson
{
    /// <summary>System.Text.Json settings of stored documents: camelCase, enums as strings, no type names. Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// The document and write condition for <paramref name="value"/>: a <see cref="StoredDocument"/> as it is; an
    /// <see cref="IStoreItem"/> (or a JSON object with an <c>eTag</c> member) serialised without its ETag, conditional on
    /// it; any other value serialised and written unconditionally (the SDK's rule for values that are not store items).
    /// </summary>
    /// <exception cref="ArgumentException">The value does not serialise to a JSON object.</exception>
    public static (string Json, WriteCondition Condition) Prepare(string key, object value)
    {
        switch (value)
        {
            case StoredDocument document:
                return (document.Json, WriteCondition.For(document.ETag));
            case JToken token:
                return FromNode(key, JsonNode.Parse(token.ToString(Newtonsoft.Json.Formatting.None)), value is IStoreItem);
            case JsonNode node:
                return FromNode(key, node.DeepClone(), false);
            case JsonElement element:
                return FromNode(key, JsonNode.Parse(element.GetRawText()), false);
            default:
                var serialised = JsonSerializer.SerializeToNode(value, value.GetType(), Options);
                return FromNode(key, serialised, value is IStoreItem, (value as IStoreItem)?.ETag);
        }
    }

    private static (string, WriteCondition) FromNode(string key, JsonNode? node, bool isStoreItem, string? storeItemETag = null)
    {
        if (node is not JsonObject json)
        {
            throw new ArgumentException($"Item '{key}' must serialise to a JSON object; found {node?.GetValueKind().ToString() ?? "null"}.", nameof(node));
        }

        string? etag = storeItemETag;
        var hasETag = isStoreItem;
        foreach (var name in new[] { "eTag", "ETag", "etag" })
        {
            if (json.Remove(name, out var member))
            {
                hasETag = true;
                etag ??= member?.GetValueKind() == JsonValueKind.String ? member.GetValue<string>() : null;
            }
        }

        return (json.ToJsonString(Options), hasETag ? WriteCondition.For(etag) : WriteCondition.Overwrite);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The condition a write of one item carries (the IStorage ETag contract).</summary>
/// <param name="Kind">What must hold for the write to succeed.</param>
/// <param name="ETag">For <see cref="WriteConditionKind.IfMatch"/>, the ETag the item must still have.</param>
public readonly record struct WriteCondition(WriteConditionKind Kind, string? ETag = null)
{
    /// <summary>Write whatever is there (ETag <c>*</c>, or a value that is not a store item).</summary>
    public static WriteCondition Overwrite => new(WriteConditionKind.Overwrite);

    /// <summary>The condition for a store item's <paramref name="etag"/>: null = create only, <c>*</c> = overwrite, else if-match.</summary>
    public static WriteCondition For(string? etag) => etag switch
    {
        null => new(WriteConditionKind.CreateOnly),
        "*" => Overwrite,
        _ => new(WriteConditionKind.IfMatch, etag),
    };
}

/// <summary>Kinds of <see cref="WriteCondition"/>.</summary>
public enum WriteConditionKind
{
    /// <summary>Always written.</summary>
    Overwrite,

    /// <summary>Written only if no item has the key.</summary>
    CreateOnly,

    /// <summary>Written only if the item exists with the given ETag.</summary>
    IfMatch,
}
