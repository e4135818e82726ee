using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceBot.Core.Loading;
using Json.Schema;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Checks one parsed content file against its JSON Schema and reports each violation at the line and column of
/// the value concerned. The built-in checks run first and say more (e.g. "did you mean"); this check catches
/// whatever else the schema demands, so a constraint added to a schema file is enforced by the bot as well.
/// </summary>
internal static class SchemaCheck
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>Adds one message per violated rule of <paramref name="schema"/> (named <paramref name="schemaName"/>) in <paramref name="file"/>.</summary>
    public static void Check<T>(ParsedFile<T> file, ContentSchema schema, string schemaName, List<ValidationMessage> messages)
        where T : class
    {
        if (file.Root is null)
        {
            return;
        }

        var instance = YamlJson.ToJson(file.Root);
        var results = schema.Schema.Evaluate(JsonSerializer.SerializeToElement(instance), Options);
        if (results.IsValid)
        {
            return;
        }

        var all = (results.Details ?? []).Append(results).ToList();
        var validity = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var node in all)
        {
            validity.TryAdd(node.EvaluationPath + "|" + node.InstanceLocation, node.IsValid);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in all)
        {
            if (detail.Errors is not { Count: > 0 } errors || InPassingAlternative(detail, validity))
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            var rules = schema.At(detail.EvaluationPath.ToString());
            foreach (var (keyword, error) in errors)
            {
                var text = Describe(pointer, Find(instance, pointer), keyword, error, rules);
                if (seen.Add(pointer + "\n" + text))
                {
                    messages.Add(file.At(pointer, Severity.Error, $"{text} (schema {schemaName})"));
                }
            }
        }
    }

    /// <summary>
    /// True when <paramref name="detail"/> is a failed branch of an <c>anyOf</c>/<c>oneOf</c> that holds as a whole
    /// (a condition written as a list fails the "string" branch, which is no error): the schema node holding the
    /// alternatives is valid for the same value.
    /// </summary>
    private static bool InPassingAlternative(EvaluationResults detail, Dictionary<string, bool> validity)
    {
        var path = detail.EvaluationPath.ToString();
        var segments = path.Split('/');
        for (var i = segments.Length - 1; i > 0; i--)
        {
            if (segments[i] is "anyOf" or "oneOf"
                && validity.TryGetValue(string.Join('/', segments[..i]) + "|" + detail.InstanceLocation, out var holds) && holds)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(string pointer, JsonNode? value, string keyword, string error, JsonElement? rules)
    {
        var where = pointer.Length == 0 ? "the file" : $"'{Readable(pointer)}'";
        var shown = value is JsonValue ? $" is '{value}', which" : string.Empty;
        if (keyword == "false" || error.Contains("false schema", StringComparison.OrdinalIgnoreCase))
        {
            return $"{where} is not allowed here";
        }

        var bare = keyword == "type" && value is null && pointer.Length > 0 && error.Contains("\"null\"", StringComparison.Ordinal);
        if (bare && pointer.Split('/')[^1] == "zh")
        {
            // A bare "zh:" (null): plain advice instead of 'Value is "null" but should be "string"'.
            return $"{where} is empty: write the Chinese text, or remove the 'zh' line (English is then used)";
        }

        if ((keyword is "pattern" or "minLength" && IsBlank(value)) || bare)
        {
            // Both rules catch a blank text ("" or " "): one message for both, saying what to do.
            var key = pointer.Split('/')[^1];
            if (int.TryParse(key, out _))
            {
                // An item of a list: a phrasing, trigger, synonym or answer written as "" or "  ".
                return $"{where} is empty: write the text, or delete the line";
            }

            return key == "zh"
                ? $"{where} is empty: write the Chinese text, or leave 'zh' out (English is then used)"
                : $"{where} is empty: write the text";
        }

        if (keyword == "pattern" && Rule(rules, "pattern") is { ValueKind: JsonValueKind.String } pattern)
        {
            return $"{where}{shown} does not have the required form {pattern.GetString()}";
        }

        if (keyword == "enum" && Rule(rules, "enum") is { ValueKind: JsonValueKind.Array } allowed)
        {
            return $"{where}{shown} is not one of the allowed values: {string.Join(", ", allowed.EnumerateArray().Select(a => a.ToString()))}";
        }

        return $"{where}: {error.TrimEnd('.')}";
    }

    private static bool IsBlank(JsonNode? value) =>
        value is JsonValue text && text.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s);

    private static JsonElement? Rule(JsonElement? rules, string keyword) =>
        rules is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(keyword, out var value) ? value : null;

    // "/citations/0/articles" -> "citations[0].articles"
    private static string Readable(string pointer) =>
        string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select((part, i) => int.TryParse(part, out _) ? $"[{part}]" : (i == 0 ? part : "." + part)));

    private static JsonNode? Find(JsonNode? node, string pointer)
    {
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = part.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject o => o[key],
                JsonArray a when int.TryParse(key, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }
}
