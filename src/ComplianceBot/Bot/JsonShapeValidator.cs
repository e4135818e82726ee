using System.Globalization;
using System.Text.Json;
using Json.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>
/// Checks the shape of a JSON request body against a JSON Schema shipped in this assembly (JsonSchema.Net, draft-07)
/// and words each violation for the caller: <c>'recipient' must be null or an account object like {…}; found "bob".</c>
/// The "must be" part is the violated schema's <c>description</c>, so every schema used here describes each field as
/// the completion of that sentence.
/// </summary>
public sealed class JsonShapeValidator
{
    /// <summary>At most this many violations are reported for one body (the first ones, in schema order).</summary>
    public const int MaxReasons = 3;

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private static readonly EvaluationOptions FlagOptions = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private readonly JsonSchema _schema;
    private readonly JsonElement _document;

    private JsonShapeValidator(JsonSchema schema, JsonElement document)
    {
        _schema = schema;
        _document = document;
    }

    /// <summary>The Bot Framework activity's standard fields (<c>Bot/Schemas/activity.schema.json</c>).</summary>
    public static JsonShapeValidator Activity { get; } = FromEmbeddedSchema("activity.schema.json");

    /// <summary>
    /// One sentence per violation (at most <see cref="MaxReasons"/>, one per field), naming the field by its path
    /// (<c>entities[0].mentioned</c>), what it must be and what was found; empty when <paramref name="json"/> fits.
    /// </summary>
    /// <remarks>
    /// A body that fits costs one evaluation that stops at the first failure (JsonSchema.Net's flag output); the
    /// detailed evaluation that collects every violation runs only for a body that does not fit.
    /// </remarks>
    public IReadOnlyList<string> Check(JsonElement json)
    {
        if (_schema.Evaluate(json, FlagOptions).IsValid)
        {
            return [];
        }

        var results = _schema.Evaluate(json, Options);
        if (results.IsValid)
        {
            return [];
        }

        // The innermost value that is wrong, once per field: a type union ("string or null") is one rule here.
        return (results.Details ?? []).Append(results)
            .Where(d => d.Errors is { Count: > 0 })
            .Select(d => (Pointer: d.InstanceLocation.ToString(), Expected: Description(At(d.EvaluationPath.ToString())) ?? $"valid ({d.Errors!.Keys.First()})"))
            .DistinctBy(v => v.Pointer)
            .Take(MaxReasons)
            .Select(v => $"'{Field(v.Pointer)}' must be {v.Expected}; found {Found(Find(json, v.Pointer))}.")
            .ToList();
    }

    /// <summary>The same check for a body already read as a Newtonsoft token (the web chat API).</summary>
    public IReadOnlyList<string> Check(JToken json)
    {
        using var document = JsonDocument.Parse(json.ToString(Newtonsoft.Json.Formatting.None));
        return Check(document.RootElement);
    }

    /// <summary>
    /// The schema's description of the field at <paramref name="path"/> (dot-separated property names, e.g.
    /// <c>conversation.id</c>), completing "must be …"; null when the schema does not describe it.
    /// </summary>
    public string? Describe(string path)
    {
        JsonElement? node = _document;
        foreach (var name in path.Split('.'))
        {
            node = Resolve(node) is { } current && current.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var property)
                ? property
                : null;
        }

        return Description(node);
    }

    /// <summary>Loads the schema embedded in this assembly whose file name is <paramref name="fileName"/>.</summary>
    /// <exception cref="InvalidOperationException">No embedded resource, or more than one, has that file name.</exception>
    public static JsonShapeValidator FromEmbeddedSchema(string fileName)
    {
        var assembly = typeof(JsonShapeValidator).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var text = reader.ReadToEnd();
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("urn:compliancebot:" + fileName));
        return new JsonShapeValidator(schema, JsonDocument.Parse(text).RootElement.Clone());
    }

    private string? Description(JsonElement? node) =>
        node is { ValueKind: JsonValueKind.Object } n && n.TryGetProperty("description", out var own) ? own.GetString()
        : Resolve(node) is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("description", out var referenced) ? referenced.GetString()
        : null;

    // The schema node an evaluation path (e.g. /properties/from/$ref/properties/id) leads to, following local $refs.
    private JsonElement? At(string evaluationPath)
    {
        JsonElement? node = _document;
        foreach (var part in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part == "$ref" ? Resolve(node)
                : node is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(part, out var child) ? child
                : node is { ValueKind: JsonValueKind.Array } a && int.TryParse(part, out var i) && i < a.GetArrayLength() ? a[i]
                : null;
        }

        return node;
    }

    private JsonElement? Resolve(JsonElement? node)
    {
        if (node is { ValueKind: JsonValueKind.Object } n && n.TryGetProperty("$ref", out var reference)
            && reference.GetString() is { } target && target.StartsWith("#/", StringComparison.Ordinal))
        {
            return At(target[1..]);
        }

        return node;
    }

    private static JsonElement? Find(JsonElement? element, string pointer)
    {
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace("~1", "/").Replace("~0", "~")))
        {
            element = element switch
            {
                { ValueKind: JsonValueKind.Object } o when o.TryGetProperty(part, out var child) => child,
                { ValueKind: JsonValueKind.Array } a when int.TryParse(part, out var i) && i < a.GetArrayLength() => a[i],
                _ => null,
            };
        }

        return element;
    }

    // "/entities/0/mentioned" -> "entities[0].mentioned"
    private static string Field(string pointer) => pointer.Length == 0
        ? "(the body)"
        : string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace("~1", "/").Replace("~0", "~"))
            .Select((part, i) => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{part}]" : (i == 0 ? part : "." + part)));

    private static string Found(JsonElement? element) => element?.ValueKind switch
    {
        null or JsonValueKind.Undefined => "nothing",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.String when element.Value.GetString()!.Length == 0 => "an empty string",
        JsonValueKind.String => Quote(element.Value.GetString()!),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.Value.GetRawText(),
    };

    private static string Quote(string text)
    {
        const int max = 40;
        return "\"" + (text.Length > max ? text[..max] + "…" : text) + "\"";
    }
}
