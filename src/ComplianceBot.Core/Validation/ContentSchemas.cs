using System.Text.Json;
using Json.Schema;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// The JSON Schema files of the content formats (<c>knowledge/schema/*.schema.json</c>). Editors use them while
/// typing (each content file names its schema in a <c># yaml-language-server: $schema=...</c> comment); the
/// loader checks every file against its schema right after parsing, before binding it (<see cref="SchemaCheck"/>).
/// </summary>
internal sealed class ContentSchemas
{
    /// <summary>Folder of the schema files inside the knowledge folder.</summary>
    public const string Folder = "schema";

    /// <summary>Schema of <c>topics/*.yaml</c>.</summary>
    public const string TopicFile = "topic.schema.json";

    /// <summary>Schema of <c>regulations/*.yaml</c>.</summary>
    public const string RegulationFile = "regulation.schema.json";

    /// <summary>Schema of <c>synonyms.yaml</c>.</summary>
    public const string SynonymsFile = "synonyms.schema.json";

    /// <summary>Schema of <c>out-of-scope.yaml</c>.</summary>
    public const string OutOfScopeFile = "out-of-scope.schema.json";

    /// <summary>Schema of <c>places.yaml</c>.</summary>
    public const string PlacesFile = "places.schema.json";

    /// <summary>Schema of <c>dialogs/*.yaml</c>, in the dialogs folder's own <c>schema/</c> folder.</summary>
    public const string DialogFile = "dialog.schema.json";

    /// <summary>The schema of <c>knowledge/follow-ups.yaml</c> (needed only when that file exists).</summary>
    public const string FollowUpsFile = "follow-ups.schema.json";

    private readonly Dictionary<string, ContentSchema> _schemas;

    private ContentSchemas(Dictionary<string, ContentSchema> schemas)
    {
        _schemas = schemas;
    }

    /// <summary>The schema named <paramref name="fileName"/>, or null when it is missing or unreadable (already reported).</summary>
    public ContentSchema? Get(string fileName) => _schemas.GetValueOrDefault(fileName);

    /// <summary>
    /// Reads the knowledge schemas in <paramref name="folder"/> and, when there is a dialogs folder, the dialog
    /// schema in <paramref name="dialogsFolder"/><c>/schema</c>. A missing or broken schema file becomes an error
    /// message at that file (paths shown relative to <paramref name="displayBase"/> and <paramref name="dialogsDisplayBase"/>),
    /// so a broken schema is refused like broken content.
    /// </summary>
    public static ContentSchemas Load(string folder, string displayBase, string? dialogsFolder, string dialogsDisplayBase,
        List<ValidationMessage> messages)
    {
        var schemas = new Dictionary<string, ContentSchema>(StringComparer.Ordinal);
        var wanted = new[] { TopicFile, RegulationFile, SynonymsFile, OutOfScopeFile, PlacesFile }
            .Select(name => (Name: name, Path: Path.Combine(folder, name), Base: displayBase))
            .ToList();
        if (File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, Loading.ContentLoader.FollowUpsFile)))
        {
            wanted.Add((FollowUpsFile, Path.Combine(folder, FollowUpsFile), displayBase));
        }
        if (dialogsFolder is not null && Directory.Exists(dialogsFolder))
        {
            wanted.Add((DialogFile, Path.Combine(dialogsFolder, Folder, DialogFile), dialogsDisplayBase));
        }

        foreach (var (name, path, shownFrom) in wanted)
        {
            var display = Path.GetRelativePath(shownFrom, path).Replace('\\', '/');
            if (!File.Exists(path))
            {
                messages.Add(new ValidationMessage(display, 0, 0, Severity.Error,
                    "schema file is missing; restore it from version control (editors and the validator need it)"));
                continue;
            }

            try
            {
                var text = File.ReadAllText(path);
                var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
                var schema = JsonSchema.FromText(text, options, new Uri(Path.GetFullPath(path)));
                schemas[name] = new ContentSchema(schema, JsonDocument.Parse(text).RootElement.Clone());
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or RefResolutionException)
            {
                messages.Add(new ValidationMessage(display, 1, 1, Severity.Error, "schema file is not a valid JSON Schema: " + ex.Message));
            }
        }

        return new ContentSchemas(schemas);
    }
}

/// <summary>One compiled schema and its JSON text (to quote a rule, e.g. the pattern a value missed, in a message).</summary>
/// <param name="Schema">The compiled schema.</param>
/// <param name="Document">The schema as written.</param>
internal sealed record ContentSchema(JsonSchema Schema, JsonElement Document)
{
    /// <summary>The schema embedded in this assembly as <paramref name="resourceName"/>.</summary>
    /// <exception cref="InvalidOperationException">No such resource.</exception>
    public static ContentSchema FromResource(string resourceName)
    {
        using var stream = typeof(ContentSchema).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The schema {resourceName} is not embedded in {typeof(ContentSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("urn:compliancebot:" + resourceName));
        return new ContentSchema(schema, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>
    /// The subschema reached by <paramref name="evaluationPath"/> (e.g. <c>/properties/title/$ref</c>), following
    /// local <c>$ref</c>s; null when the path leaves this document.
    /// </summary>
    public JsonElement? At(string evaluationPath)
    {
        var node = Document;
        foreach (var part in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = part.Replace("~1", "/").Replace("~0", "~");
            if (key == "$ref")
            {
                if (!node.TryGetProperty("$ref", out var reference) || reference.GetString() is not { } target
                    || !target.StartsWith('#') || At(target.TrimStart('#')) is not { } resolved)
                {
                    return null;
                }

                node = resolved;
            }
            else if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(key, out var child))
            {
                node = child;
            }
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(key, out var i) && i < node.GetArrayLength())
            {
                node = node[i];
            }
            else
            {
                return null;
            }
        }

        return node;
    }
}
