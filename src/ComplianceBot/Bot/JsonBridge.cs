using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>
/// The one conversion between the two JSON libraries at the edge: the core and the channel renderers build JSON with
/// System.Text.Json (<see cref="JsonNode"/>), the Bot Framework SDK's activities carry Newtonsoft tokens
/// (<see cref="JToken"/>). Converts node by node, without writing and re-parsing text.
/// </summary>
public static class JsonBridge
{
    /// <summary>The Newtonsoft copy of <paramref name="node"/> (same properties in the same order, same values).</summary>
    public static JObject ToJObject(JsonObject node) => (JObject)ToJToken(node);

    /// <summary>The Newtonsoft copy of <paramref name="node"/>; a JSON null (or <see langword="null"/>) is a null token.</summary>
    public static JToken ToJToken(JsonNode? node) => node switch
    {
        null => JValue.CreateNull(),
        JsonObject o => new JObject(o.Select(p => new JProperty(p.Key, ToJToken(p.Value)))),
        JsonArray a => new JArray(a.Select(ToJToken)),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => new JValue(v.GetValue<string>()),
            JsonValueKind.True => new JValue(true),
            JsonValueKind.False => new JValue(false),
            JsonValueKind.Number => Number(v.ToJsonString()),
            _ => JValue.CreateNull(),
        },
        _ => JValue.CreateNull(),
    };

    private static JValue Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? new JValue(whole)
            : new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
