using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceBot.Core.Loading;
using YamlDotNet.RepresentationModel;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Words a JSON Schema violation for an author, at the key or value concerned. The schema supplies the words where
/// a generic sentence would not do: a key's <c>title</c> is what a message says is expected
/// (<c>missing required key 'last_reviewed': the date the entry was last reviewed</c>), <c>patternErrorMessage</c>
/// says what a value must look like (<c>id 'Log-Retention' must be lowercase words joined by hyphens</c>), and
/// <c>errorMessage</c> explains a failed choice (<c>oneOf</c>, <c>anyOf</c>); editors with a YAML language server
/// show the same words. Other rules get a generic sentence that names the schema file.
/// </summary>
internal sealed class SchemaMessages(ParsedFile file, JsonNode? instance, ContentSchema schema, string schemaName)
{
    /// <summary>Whether <paramref name="violation"/> is a key the schema does not allow (<c>additionalProperties: false</c>).</summary>
    public bool IsUnknownKey(Violation violation) =>
        violation.EvaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal)
        && schema.At(violation.EvaluationPath) is { ValueKind: JsonValueKind.False };

    /// <summary>The <c>errorMessage</c> a schema node gives for <paramref name="keyword"/> (a string applies to every keyword), if any.</summary>
    public static string? ErrorMessage(JsonElement rules, string keyword) =>
        rules.ValueKind == JsonValueKind.Object && rules.TryGetProperty("errorMessage", out var message)
            ? message.ValueKind switch
            {
                JsonValueKind.String => message.GetString(),
                JsonValueKind.Object when message.TryGetProperty(keyword, out var text) => text.GetString(),
                _ => null,
            }
            : null;

    /// <summary>The allowed key closest to the unknown key of <paramref name="violation"/>, if it is close enough to be a typo.</summary>
    public string? Suggestion(Violation violation) =>
        YamlFileParser.DidYouMean(LastKey(violation.Pointer), AllowedKeys(violation));

    /// <summary>The messages for <paramref name="violation"/>; <paramref name="misspelled"/> says whether a missing key was written under another name.</summary>
    public IEnumerable<ValidationMessage> Describe(Violation violation, Func<string, bool> misspelled)
    {
        var (pointer, path, keyword) = (violation.Pointer, violation.EvaluationPath, violation.Keyword);
        var rules = schema.At(path);
        var value = Find(instance, pointer);
        if (IsUnknownKey(violation))
        {
            var key = LastKey(pointer);
            var hint = Suggestion(violation);
            yield return file.AtKey(pointer, Severity.Error, $"unknown key '{key}'"
                + (hint is null ? $" (allowed here: {string.Join(", ", AllowedKeys(violation))})" : $"; did you mean '{hint}'?"));
            yield break;
        }

        if (keyword == "required" && rules is { } objectRules && value is JsonObject present)
        {
            foreach (var key in Strings(objectRules, "required").Where(k => !present.ContainsKey(k) && !misspelled(k)))
            {
                yield return Missing(pointer, key, objectRules);
            }

            yield break;
        }

        if (IsEmpty(keyword, value))
        {
            yield return Empty(pointer, path, value);
            yield break;
        }

        var text = value is JsonValue ? Scalar(pointer) : null;
        yield return keyword switch
        {
            "type" => WrongType(pointer, rules, value),
            "pattern" or "format" when Text(rules, "patternErrorMessage") is { } wording => file.At(pointer, Severity.Error, $"{Noun(pointer)} '{text}' {wording}"),
            "pattern" => Generic(pointer, $"is '{text}', which does not have the required form {Text(rules, "pattern")}"),
            "format" => Generic(pointer, $"is '{text}', which is not a valid {Text(rules, "format")}"),
            "enum" => file.At(pointer, Severity.Error, $"unknown {Noun(pointer)} '{text}'; use one of {string.Join(", ", Values(rules, "enum"))}"),
            "minimum" => file.At(pointer, Severity.Error, $"'{Readable(pointer)}' must be {Raw(rules, "minimum")} or more"),
            "const" => file.At(pointer, Severity.Error, $"'{Readable(pointer)}' can only be {Raw(rules, "const")}; leave the key out otherwise"),
            "minItems" => Generic(pointer, $"has {(value as JsonArray)?.Count} item(s); at least {Raw(rules, "minItems")} are needed"),
            "maxItems" => Generic(pointer, $"has {(value as JsonArray)?.Count} items; at most {Raw(rules, "maxItems")} are allowed"),
            "maxLength" => Generic(pointer, $"is {Scalar(pointer).Length} characters long; at most {Raw(rules, "maxLength")} are allowed"),
            _ when rules is { } r && ErrorMessage(r, keyword) is { } wording => file.At(pointer, Severity.Error, wording),
            _ => Generic(pointer, ": " + violation.Error.TrimEnd('.')),
        };
    }

    // A required key that is not there, described by the innermost key the author has to write: a missing
    // 'next_steps' is "missing required key 'en' under 'rules.0.next_steps'", as the author then writes that list.
    private ValidationMessage Missing(string pointer, string key, JsonElement objectRules)
    {
        var (at, what) = Innermost(pointer + "/" + Escape(key), Property(objectRules, key));
        return Said(at, what);
    }

    // A value written but empty: "" or only spaces, an empty list or mapping, or nothing after the key.
    private ValidationMessage Empty(string pointer, string evaluationPath, JsonNode? value)
    {
        var key = LastKey(pointer);
        if (int.TryParse(key, out _))
        {
            return Generic(pointer, "is empty: write the text, or delete the line");
        }

        if (key == "zh")
        {
            return Generic(pointer, value is null
                ? "is empty: write the Chinese text, or remove the 'zh' line (English is then used)"
                : "is empty: write the Chinese text, or leave 'zh' out (English is then used)");
        }

        var own = PropertyAt(evaluationPath);
        if (own is { } property && Resolve(property) is { } resolved && Strings(resolved, "required").Any())
        {
            return Said(Innermost(pointer, property).Pointer, Innermost(pointer, property).What);
        }

        return own is { } titled && Title(titled) is { } title
            ? Said(pointer, title)
            : Generic(pointer, "is empty: write the text");
    }

    // "missing required key 'k' under 'a.0.b': what" when nothing is written there, "'k' under 'a.0.b' is empty; expected what" otherwise.
    private ValidationMessage Said(string pointer, string what)
    {
        var slash = pointer.LastIndexOf('/');
        var (parent, key) = (pointer[..slash], Unescape(pointer[(slash + 1)..]));
        var where = parent.Length == 0 ? string.Empty : $" under '{string.Join('.', parent.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape))}'";
        return file.Has(pointer)
            ? file.At(pointer, Severity.Error, $"'{key}'{where} is empty; expected {what}")
            : file.At(parent, Severity.Error, $"missing required key '{key}'{where}: {what}");
    }

    // Follows the first required key down while the value there is a mapping with required keys of its own.
    private (string Pointer, string What) Innermost(string pointer, JsonElement property)
    {
        var what = Title(property) ?? Text(property, "description")?.TrimEnd('.') ?? "a value";
        var resolved = Resolve(property);
        while (resolved is { } r && Strings(r, "required").FirstOrDefault() is { } first && Find(instance, pointer) is null or JsonObject)
        {
            if (Find(instance, pointer) is JsonObject written && written.ContainsKey(first))
            {
                break;
            }

            var inner = Property(r, first);
            pointer += "/" + Escape(first);
            what = Title(inner) ?? Text(inner, "description")?.TrimEnd('.') ?? "a value";
            resolved = Resolve(inner);
        }

        return (pointer, what);
    }

    private ValidationMessage WrongType(string pointer, JsonElement? rules, JsonNode? value)
    {
        var expected = rules is { } r && r.TryGetProperty("type", out var type)
            ? string.Join(" or ", (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()) : [type.GetString()]).Select(Expected))
            : "another kind of value";
        var node = file.NodeAt(pointer);
        if (expected.StartsWith("a text value", StringComparison.Ordinal) && node is YamlMappingNode { Children.Count: 1 } map
            && map.Children.Single() is var (k, v) && k is YamlScalarNode && v is YamlScalarNode && k.Start.Line == v.End.Line)
        {
            return file.At(pointer, Severity.Error, "this line contains ': ', which YAML reads as a key; put the text in quotes");
        }

        var found = value switch
        {
            JsonObject => "a mapping of keys",
            JsonArray => "a list",
            JsonValue => $"'{Scalar(pointer)}'",
            _ => "nothing",
        };
        return pointer.Length == 0
            ? file.At(pointer, Severity.Error, $"expected a mapping of keys (like 'id: ...') at the top of the file, found {found}")
            : file.At(pointer, Severity.Error, $"'{Readable(pointer)}' must be {expected}, found {found}");
    }

    private static string Expected(string? type) => type switch
    {
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "string" => "a text value",
        "array" => "a list (items starting with '- ' or [a, b])",
        "object" => "a mapping of keys",
        _ => type ?? "a value",
    };

    private static bool IsEmpty(string keyword, JsonNode? value) => keyword switch
    {
        "type" => value is null,
        "minLength" or "pattern" => value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s),
        "minItems" => value is JsonArray { Count: 0 },
        "minProperties" => value is JsonObject { Count: 0 },
        _ => false,
    };

    // "'path' <text> (schema name.schema.json)": a rule the schema does not word itself, named so the author can look it up.
    private ValidationMessage Generic(string pointer, string text) =>
        file.At(pointer, Severity.Error, (pointer.Length == 0 ? "the file" : $"'{Readable(pointer)}'")
            + (text.StartsWith(':') ? string.Empty : " ") + text + $" (schema {schemaName})");

    // The keys the object schema holding an unknown key allows.
    private IReadOnlyList<string> AllowedKeys(Violation violation)
    {
        var holder = schema.At(violation.EvaluationPath[..violation.EvaluationPath.LastIndexOf('/')]);
        return holder is { } h && h.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToList()
            : [];
    }

    // The schema of the property an evaluation path ends in (…/properties/key, possibly through a $ref), with its title.
    private JsonElement? PropertyAt(string evaluationPath)
    {
        var path = evaluationPath.EndsWith("/$ref", StringComparison.Ordinal) ? evaluationPath[..^"/$ref".Length] : evaluationPath;
        return schema.At(path);
    }

    private JsonElement? Resolve(JsonElement? node) =>
        node is { } n && n.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith('#')
            ? schema.At(target[1..])
            : node;

    private JsonElement Property(JsonElement objectRules, string key) =>
        Resolve(objectRules) is { } r && r.TryGetProperty("properties", out var properties) && properties.TryGetProperty(key, out var property)
            ? property
            : default;

    private string? Title(JsonElement? property) =>
        property is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("title", out var title) ? title.GetString()
        : Resolve(property) is { ValueKind: JsonValueKind.Object } r && !r.Equals(property) && r.TryGetProperty("title", out var inner) ? inner.GetString()
        : null;

    private static string? Text(JsonElement? rules, string keyword) =>
        rules is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Raw(JsonElement? rules, string keyword) =>
        rules is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(keyword, out var value) ? value.GetRawText() : "?";

    private static IEnumerable<string> Values(JsonElement? rules, string keyword) =>
        rules is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(v => v.ToString())
            : [];

    private static IEnumerable<string> Strings(JsonElement? rules, string keyword) => Values(rules, keyword);

    // The text of a scalar as written in the YAML file (e.g. two, 123, yes), for quoting it back.
    private string Scalar(string pointer) =>
        file.NodeAt(pointer) is YamlScalarNode { Value: { } written } ? written : Find(instance, pointer)?.ToString() ?? string.Empty;

    // What a value is called in a message: its key, or for an item of a list the list's key.
    private static string Noun(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape).LastOrDefault(p => !int.TryParse(p, out _)) ?? "value";

    private static string LastKey(string pointer) => Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);

    // "/citations/0/articles" -> "citations[0].articles"
    private static string Readable(string pointer) =>
        string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape)
            .Select((part, i) => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{part}]" : (i == 0 ? part : "." + part)));

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string part) => part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static JsonNode? Find(JsonNode? node, string pointer)
    {
        foreach (var key in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape))
        {
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
