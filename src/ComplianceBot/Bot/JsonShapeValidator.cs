using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ComplianceBot.Bot;

/// <summary>
/// Checks the shape of a JSON request body against a JSON Schema shipped in this assembly (NJsonSchema, draft-04) and
/// words each violation for the caller: <c>'recipient' must be null or an account object like {…}; found "bob".</c>
/// The "must be" part is the violated schema's <c>description</c>, so every schema used here describes each field as
/// the completion of that sentence.
/// </summary>
public sealed class JsonShapeValidator
{
    /// <summary>At most this many violations are reported for one body (the first ones, in schema order).</summary>
    public const int MaxReasons = 3;

    private readonly JsonSchema _schema;

    private JsonShapeValidator(JsonSchema schema)
    {
        _schema = schema;
    }

    /// <summary>The Bot Framework activity's standard fields (<c>Bot/Schemas/activity.schema.json</c>).</summary>
    public static JsonShapeValidator Activity { get; } = FromEmbeddedSchema("activity.schema.json");

    /// <summary>
    /// One sentence per violation (at most <see cref="MaxReasons"/>, one per field), naming the field by its path
    /// (<c>entities[0].mentioned</c>), what it must be and what was found; empty when <paramref name="json"/> fits.
    /// </summary>
    public IReadOnlyList<string> Check(JToken json) =>
        Leaves(_schema.Validate(json))
            .DistinctBy(v => v.Path)
            .Take(MaxReasons)
            .Select(v => $"'{Field(v.Path)}' must be {v.Expected}; found {Found(v.Token)}.")
            .ToList();

    /// <summary>
    /// The schema's description of the field at <paramref name="path"/> (dot-separated property names, e.g.
    /// <c>conversation.id</c>), completing "must be …"; null when the schema does not describe it.
    /// </summary>
    public string? Describe(string path)
    {
        JsonSchema? schema = _schema;
        foreach (var name in path.Split('.'))
        {
            schema = schema?.ActualSchema.Properties.TryGetValue(name, out var property) == true ? property : null;
        }

        return schema?.ActualSchema.Description ?? schema?.Description;
    }

    /// <summary>Loads the schema embedded in this assembly whose file name is <paramref name="fileName"/>.</summary>
    /// <exception cref="InvalidOperationException">No embedded resource, or more than one, has that file name.</exception>
    public static JsonShapeValidator FromEmbeddedSchema(string fileName)
    {
        var assembly = typeof(JsonShapeValidator).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return new JsonShapeValidator(JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult());
    }

    // NJsonSchema reports a value that fits none of a field's types ("string or null") as one error per type, and a
    // bad array item or map value as a child error: descend to the branch of the type actually sent, so the answer
    // names the innermost field that is wrong.
    private static IEnumerable<Violation> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            switch (error)
            {
                case MultiTypeValidationError multi when multi.Errors.FirstOrDefault(e => Accepts(e.Key, error.Token)) is { Value: { } branch }:
                    foreach (var leaf in Leaves(branch))
                    {
                        yield return leaf;
                    }

                    break;
                case ChildSchemaValidationError child:
                    foreach (var leaf in Leaves(child.Errors.SelectMany(e => e.Value)))
                    {
                        yield return leaf;
                    }

                    break;
                default:
                    yield return new Violation(error.Path ?? "#", error.Schema.ActualSchema.Description ?? error.Schema.Description ?? Kind(error), error.Token);
                    break;
            }
        }
    }

    private static bool Accepts(JsonObjectType type, JToken? token) => token?.Type switch
    {
        JTokenType.String => type.HasFlag(JsonObjectType.String),
        JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
        JTokenType.Float => type.HasFlag(JsonObjectType.Number),
        JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
        JTokenType.Array => type.HasFlag(JsonObjectType.Array),
        JTokenType.Object => type.HasFlag(JsonObjectType.Object),
        JTokenType.Null => type.HasFlag(JsonObjectType.Null),
        _ => false,
    };

    private static string Kind(ValidationError error) => $"valid ({error.Kind})";

    private static string Field(string path) => path is "#" or "#/" ? "(the body)" : path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path;

    private static string Found(JToken? token) => token?.Type switch
    {
        null => "nothing",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Null => "null",
        JTokenType.String when ((string?)token)!.Length == 0 => "an empty string",
        JTokenType.String => Quote((string)token!),
        JTokenType.Boolean => (bool)token ? "true" : "false",
        _ => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture) ?? token.Type.ToString(),
    };

    private static string Quote(string text)
    {
        const int max = 40;
        return "\"" + (text.Length > max ? text[..max] + "…" : text) + "\"";
    }

    private sealed record Violation(string Path, string Expected, JToken? Token);
}
