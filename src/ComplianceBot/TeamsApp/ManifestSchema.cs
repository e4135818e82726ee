using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ComplianceBot.TeamsApp;

/// <summary>
/// Checks a Teams app manifest against the Teams schema shipped with the app (read offline) with JsonSchema.Net, and
/// says each violation in plain words naming the manifest key, e.g. <c>manifest name.short is 39 characters long;
/// Teams allows at most 30</c>. The schema declares JSON Schema draft-04, which JsonSchema.Net does not read; it is
/// evaluated as draft-07, where every keyword it uses (<c>const</c> included) means the same.
/// </summary>
public static class ManifestSchema
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>One line per violation of the schema at <paramref name="schemaPath"/> by <paramref name="manifestJson"/>; empty when valid.</summary>
    /// <param name="manifestJson">The manifest.</param>
    /// <param name="schemaPath">The schema file.</param>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifestJson, string schemaPath)
    {
        var schemaNode = JsonNode.Parse(await File.ReadAllTextAsync(schemaPath))!.AsObject();
        schemaNode["$schema"] = "http://json-schema.org/draft-07/schema#";
        var schema = JsonSchema.Build(JsonSerializer.SerializeToElement(schemaNode), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri(Path.GetFullPath(schemaPath)));
        var manifest = JsonNode.Parse(manifestJson);
        var results = schema.Evaluate(JsonSerializer.SerializeToElement(manifest), Options);
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in (results.Details ?? []).Append(results).Where(d => d.Errors is { Count: > 0 }))
        {
            var pointer = detail.InstanceLocation.ToString();
            var rule = At(schemaNode, detail.EvaluationPath.ToString());
            foreach (var (keyword, error) in detail.Errors!)
            {
                var problem = Describe(pointer, Find(manifest, pointer), keyword, error, rule);
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }

        return problems;
    }

    private static string Describe(string pointer, JsonNode? value, string keyword, string error, JsonNode? rule)
    {
        var key = pointer.Length == 0 ? "manifest" : "manifest " + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select((part, i) => int.TryParse(part, out _) ? $"[{part}]" : (i == 0 ? part : "." + part)));
        var shown = value?.ToJsonString() ?? "nothing";
        if (keyword == "false" || error.Contains("false schema", StringComparison.OrdinalIgnoreCase))
        {
            return $"{key} is not a key Teams knows here";
        }

        return keyword switch
        {
            "maxLength" => $"{key} is {value?.ToString().Length} characters long; Teams allows at most {rule?["maxLength"]}",
            "minLength" => $"{key} is {value?.ToString().Length} characters long; Teams needs at least {rule?["minLength"]}",
            "pattern" => $"{key} is {shown}, which is not in the form Teams requires ({rule?["pattern"]})",
            "const" => $"{key} must be {rule?["const"]?.ToJsonString()} for this schema, not {shown}",
            "enum" => $"{key} is {shown}, which is not one of: {string.Join(", ", rule?["enum"]?.AsArray().Select(v => v?.ToJsonString()) ?? [])}",
            "required" => $"{key} lacks what Teams requires: "
                + string.Join(", ", rule?["required"]?.AsArray().Select(r => r?.ToString()).Where(r => r is not null && value?[r] is null) ?? []),
            "type" => $"{key} is {shown}, which is not of type {rule?["type"]?.ToJsonString()}",
            "format" => $"{key} is {shown}, which is not a valid {rule?["format"]}",
            "maxItems" or "minItems" => $"{key} has {value?.AsArray().Count} items; Teams allows {(keyword == "maxItems" ? "at most" : "at least")} {rule?[keyword]}",
            _ => $"{key}: {error.TrimEnd('.')}",
        };
    }

    // The schema node an evaluation path (e.g. /properties/accentColor/$ref) leads to, following local $refs.
    private static JsonNode? At(JsonNode root, string evaluationPath)
    {
        JsonNode? node = root;
        foreach (var part in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace("~1", "/").Replace("~0", "~")))
        {
            node = part == "$ref" && node?["$ref"]?.GetValue<string>() is { } target && target.StartsWith("#/", StringComparison.Ordinal)
                ? At(root, target[1..])
                : node switch
                {
                    JsonObject o => o[part],
                    JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                    _ => null,
                };
        }

        return node;
    }

    private static JsonNode? Find(JsonNode? node, string pointer)
    {
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace("~1", "/").Replace("~0", "~")))
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }
}
