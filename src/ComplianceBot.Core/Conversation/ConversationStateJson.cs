using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// The JSON document of a <see cref="ConversationState"/>, as hosts store it: System.Text.Json, camelCase member names,
/// enums as kebab-case strings (<c>"choosing-change"</c>), no type names, <c>schemaVersion</c> first. Reading never
/// throws: a document that is not valid JSON of this shape, or of another schema version, gives a fresh state (the
/// conversation starts over rather than misreading old data).
/// </summary>
/// <remarks>
/// The serializer's metadata is generated at build time (<see cref="ConversationStateJsonContext"/>), so a turn's
/// read and write run no reflection. Maps of strings (facts, a button's data) are read with the ordinal comparer the
/// code creates them with (<see cref="OrdinalStringMapConverter"/>), not the culture's, which the serializer would use.
/// </remarks>
public static class ConversationStateJson
{
    /// <summary>The serializer settings of the document (shared, read-only).</summary>
    public static JsonSerializerOptions Options => ConversationStateJsonContext.Default.Options;

    /// <summary>The document for <paramref name="state"/>.</summary>
    public static string Write(ConversationState state) => JsonSerializer.Serialize(state, ConversationStateJsonContext.Default.ConversationState);

    /// <summary>
    /// The state in <paramref name="json"/>; a fresh <see cref="ConversationState"/> when it is null or blank, not a
    /// readable document, or written with another <see cref="ConversationState.SchemaVersion"/>.
    /// </summary>
    public static ConversationState Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ConversationState() : TryRead(json) ?? new ConversationState();

    /// <summary>
    /// The state in <paramref name="json"/> when it is a readable document of the current
    /// <see cref="ConversationState.SchemaVersion"/>; null otherwise (never throws for a damaged document).
    /// </summary>
    public static ConversationState? TryRead(string json)
    {
        try
        {
            return Current(JsonSerializer.Deserialize(json, ConversationStateJsonContext.Default.ConversationState));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>As <see cref="TryRead(string)"/>, from the document's UTF-8 bytes.</summary>
    public static ConversationState? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return Current(JsonSerializer.Deserialize(utf8Json, ConversationStateJsonContext.Default.ConversationState));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static ConversationState? Current(ConversationState? state) =>
        state is { SchemaVersion: ConversationState.CurrentSchemaVersion } ? state : null;
}

/// <summary>The build-time serializer metadata of <see cref="ConversationStateJson"/>'s document.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabCaseEnumConverter<DialogPhase>), typeof(OrdinalStringMapConverter)])]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class ConversationStateJsonContext : JsonSerializerContext;

/// <summary>Enums as kebab-case strings (<c>"choosing-change"</c>); numbers are not accepted.</summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>
/// A JSON object of strings as an <see cref="ImmutableSortedDictionary{TKey,TValue}"/> ordered by
/// <see cref="StringComparer.Ordinal"/>, as the core builds them. A value that is not a string or null makes the
/// document unreadable (<see cref="JsonException"/>).
/// </summary>
internal sealed class OrdinalStringMapConverter : JsonConverter<ImmutableSortedDictionary<string, string>>
{
    public override ImmutableSortedDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of strings, found {reader.TokenType}.");
        }

        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            var value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new JsonException($"Expected a string for '{key}', found {reader.TokenType}."),
            };
            map[key] = value!; // a key given twice: the last value, as the serializer's own dictionaries read it
        }

        return map.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }
}
