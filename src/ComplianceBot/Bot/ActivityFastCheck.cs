using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplianceBot.Bot;

/// <summary>
/// A typed check of the activity fields channels actually send (ids, text, accounts, the conversation, dates, the
/// service URL, delivery mode, entities, attachments) that answers "fits" only where the JSON Schema check
/// (<see cref="JsonShapeValidator.Activity"/>) would surely pass, and "not sure" otherwise. A well-formed activity then
/// skips the schema evaluation (a tenth of a turn's CPU); anything unusual or malformed still goes through the schema,
/// so it gets the same specific 400 answer as before.
/// </summary>
/// <remarks>
/// Deliberately stricter than the schema: a date must be RFC 3339 (<c>2026-11-29T09:30:00.123Z</c>), a service URL a
/// plain ASCII http(s) URL, and rarer fields (<c>membersAdded</c>, <c>suggestedActions</c>, <c>relatesTo</c>…) are left
/// to the schema. Fields the schema does not list may hold any JSON in both.
/// </remarks>
public static partial class ActivityFastCheck
{
    private static readonly HashSet<string> OptionalStrings = new(StringComparer.Ordinal)
    {
        "id", "localTimezone", "callerId", "textFormat", "attachmentLayout", "topicName", "locale", "text", "speak", "inputHint",
        "summary", "action", "replyToId", "label", "valueType", "name", "code", "importance",
    };

    // Fields of the schema this check leaves to the schema (any value, even null, means "not sure").
    private static readonly HashSet<string> LeftToSchema = new(StringComparer.Ordinal)
    {
        "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved", "suggestedActions", "relatesTo", "listenFor",
        "textHighlights", "semanticAction",
    };

    private static readonly string[] AccountFields = ["id", "name", "aadObjectId", "role"];
    private static readonly string[] ConversationStrings = ["id", "name", "conversationType", "tenantId", "role", "aadObjectId"];
    private static readonly string[] AttachmentFields = ["contentType", "contentUrl", "name", "thumbnailUrl"];
    private static readonly string[] DeliveryModes = ["normal", "notification", "expectReplies", "ephemeral"];

    // The formats JSON Schema's "date-time" is checked with, for the RFC 3339 strings let through here.
    private static readonly string[] DateTimeFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffffK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fK", "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
    ];

    [GeneratedRegex(@"^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^https?://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,4})?(/[A-Za-z0-9._~/-]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainUrl();

    /// <summary>
    /// True when <paramref name="activity"/> (a JSON object) surely fits the activity schema; false when it may not
    /// (then the schema decides).
    /// </summary>
    public static bool Fits(JsonElement activity)
    {
        if (activity.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in activity.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            var known = OptionalStrings.Contains(name) || LeftToSchema.Contains(name) || name is "type" or "timestamp" or "localTimestamp"
                or "expiration" or "serviceUrl" or "channelId" or "from" or "recipient" or "conversation" or "historyDisclosed" or "deliveryMode"
                or "entities" or "attachments";
            if (!known)
            {
                continue; // any JSON (channelData, value, extension fields)
            }

            if (!seen.Add(name) || LeftToSchema.Contains(name))
            {
                return false; // a repeated field, or one left to the schema
            }

            var fits = name switch
            {
                "type" => value.ValueKind == JsonValueKind.String,
                "timestamp" or "localTimestamp" or "expiration" => value.ValueKind == JsonValueKind.Null || IsDateTime(value),
                "serviceUrl" => value.ValueKind == JsonValueKind.String && IsPlainUrl(value.GetString()!),
                "channelId" => value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                "from" or "recipient" => value.ValueKind == JsonValueKind.Null || IsAccount(value),
                "conversation" => IsConversation(value),
                "historyDisclosed" => value.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null,
                "deliveryMode" => value.ValueKind == JsonValueKind.Null
                                  || (value.ValueKind == JsonValueKind.String && Array.IndexOf(DeliveryModes, value.GetString()) >= 0),
                "entities" => IsArrayOf(value, IsEntity),
                "attachments" => IsArrayOf(value, e => HasOptionalStrings(e, AttachmentFields)),
                _ => IsOptionalString(value),
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOptionalString(JsonElement value) => value.ValueKind is JsonValueKind.String or JsonValueKind.Null;

    // An object whose listed fields, where present, are strings or null (each once).
    private static bool HasOptionalStrings(JsonElement value, string[] fields)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var seen = 0;
        foreach (var property in value.EnumerateObject())
        {
            var index = Array.IndexOf(fields, property.Name);
            if (index < 0)
            {
                continue;
            }

            if ((seen & (1 << index)) != 0 || !IsOptionalString(property.Value))
            {
                return false;
            }

            seen |= 1 << index;
        }

        return true;
    }

    private static bool IsAccount(JsonElement value) => HasOptionalStrings(value, AccountFields);

    private static bool IsConversation(JsonElement value)
    {
        if (!HasOptionalStrings(value, ConversationStrings))
        {
            return false;
        }

        var isGroups = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("isGroup") && (++isGroups > 1 || property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)))
            {
                return false;
            }

            // The schema's conversation id is a string of at least one character, not an optional string.
            if (property.NameEquals("id") && (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString()!.Length == 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsEntity(JsonElement value)
    {
        if (!HasOptionalStrings(value, ["type", "text"]))
        {
            return false;
        }

        var mentioned = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("mentioned") && (++mentioned > 1 || !(property.Value.ValueKind == JsonValueKind.Null || IsAccount(property.Value))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsArrayOf(JsonElement value, Func<JsonElement, bool> item)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var element in value.EnumerateArray())
        {
            if (!item(element))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDateTime(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { } text && Rfc3339().IsMatch(text)
        && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsPlainUrl(string text) =>
        text.Length <= 2048 && PlainUrl().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
