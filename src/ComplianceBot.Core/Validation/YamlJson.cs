using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Converts a YAML tree to JSON the way the YAML 1.2 core schema reads plain scalars (what editors' YAML language
/// servers do too): <c>null</c>/<c>~</c>/empty → null, <c>true</c>/<c>false</c> → boolean, numbers → number, the
/// rest (including dates such as 2026-11-29) → string. Quoted scalars are always strings.
/// </summary>
internal static class YamlJson
{
    /// <summary>The JSON equivalent of <paramref name="node"/>.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(pair =>
            KeyValuePair.Create((pair.Key as YamlScalarNode)?.Value ?? string.Empty, ToJson(pair.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number) && char.IsDigit(value[^1]))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }
}
