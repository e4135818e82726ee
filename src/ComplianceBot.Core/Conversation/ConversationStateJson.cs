using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// The JSON document of a <see cref="ConversationState"/>, as hosts store it: System.Text.Json, camelCase member names,
/// enums as kebab-case strings (<c>"choosing-change"</c>), no type names, <c>schemaVersion</c> first. Reading never
/// throws: a document that is not valid JSON of this shape, or of another schema version, gives a fresh state (the
/// conversation starts over rather than misreading old data).
/// </summary>
public static class ConversationStateJson
{
    /// <summary>The serializer settings of the document (shared, read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The document for <paramref name="state"/>.</summary>
    public static string Write(ConversationState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>
    /// The state in <paramref name="json"/>; a fresh <see cref="ConversationState"/> when it is null or blank, not a
    /// readable document, or written with another <see cref="ConversationState.SchemaVersion"/>.
    /// </summary>
    public static ConversationState Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ConversationState();
        }

        try
        {
            var state = JsonSerializer.Deserialize<ConversationState>(json, Options);
            return state is { SchemaVersion: ConversationState.CurrentSchemaVersion } ? state : new ConversationState();
        }
        catch (JsonException)
        {
            return new ConversationState();
        }
        catch (NotSupportedException)
        {
            return new ConversationState();
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
