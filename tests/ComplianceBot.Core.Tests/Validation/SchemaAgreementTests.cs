using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace ComplianceBot.Core.Tests.Validation;

/// <summary>
/// The JSON Schema files editors use and the loader's own model must describe the same format: the same keys at
/// every level, the same kinds of value, and the real content valid against both.
/// </summary>
public sealed class SchemaAgreementTests
{
    public static TheoryData<string, Type> Schemas => new()
    {
        { "topic.schema.json", typeof(TopicDto) },
        { "regulation.schema.json", typeof(RegulationDto) },
        { "synonyms.schema.json", typeof(SynonymsDto) },
        { "out-of-scope.schema.json", typeof(OutOfScopeDto) },
        { "../../dialogs/schema/dialog.schema.json", typeof(DialogDto) },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_and_loader_model_list_the_same_keys_and_kinds_at_every_level(string schemaFile, Type dto)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Knowledge, "schema", schemaFile)))!.AsObject();
        var problems = new List<string>();

        Compare(schema, schema, dto, "", problems);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("topics/*.yaml", "topic.schema.json")]
    [InlineData("regulations/*.yaml", "regulation.schema.json")]
    [InlineData("synonyms.yaml", "synonyms.schema.json")]
    [InlineData("out-of-scope.yaml", "out-of-scope.schema.json")]
    [InlineData("../dialogs/*.yaml", "../../dialogs/schema/dialog.schema.json")]
    public void Every_real_content_file_is_valid_against_its_schema(string files, string schemaFile)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Knowledge, "schema", schemaFile)),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var matched = Directory.GetFiles(Path.Combine(Repo.Knowledge, Path.GetDirectoryName(files)!), Path.GetFileName(files));
        Assert.NotEmpty(matched);

        foreach (var file in matched)
        {
            var result = schema.Evaluate(ToJson(file), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{file}: " + string.Join("; ", (result.Details ?? [])
                .Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}"))));
        }
    }

    [Fact]
    public void The_schema_rejects_what_the_loader_rejects_for_an_unknown_key_a_wrong_type_and_a_missing_key()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Knowledge, "schema", "topic.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var valid = ToJson(Path.Combine(Repo.Knowledge, "topics", "travelers.yaml"));
        Assert.True(schema.Evaluate(valid).IsValid);

        foreach (var edit in new Action<JsonObject>[]
                 {
                     t => t["relatd"] = new JsonArray(),
                     t => t["version"] = "two",
                     t => t.Remove("last_reviewed"),
                     t => t["citations"]![0]!["regulation"] = 42,
                     t => t["audience"] = new JsonArray("tourist"),
                 })
        {
            var broken = JsonNode.Parse(valid.GetRawText())!.AsObject();
            edit(broken);
            Assert.False(schema.Evaluate(JsonSerializer.SerializeToElement(broken)).IsValid, broken.ToJsonString());
        }
    }

    private static JsonElement ToJson(string yamlFile)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(yamlFile)));
        return JsonSerializer.SerializeToElement(YamlJson.ToJson(stream.Documents[0].RootNode));
    }

    private static void Compare(JsonObject root, JsonObject schema, Type type, string at, List<string> problems)
    {
        schema = Resolve(root, schema);
        type = Nullable.GetUnderlyingType(type) ?? type;
        var kinds = Kinds(schema);
        if (type == typeof(string))
        {
            Expect(kinds.Contains("string"), $"{at}: the model reads text, the schema says {string.Join("/", kinds)}");
        }
        else if (type == typeof(int))
        {
            Expect(kinds.SequenceEqual(["integer"]), $"{at}: the model reads a whole number, the schema says {string.Join("/", kinds)}");
        }
        else if (type == typeof(bool))
        {
            Expect(kinds.SequenceEqual(["boolean"]), $"{at}: the model reads true/false, the schema says {string.Join("/", kinds)}");
        }
        else if (type == typeof(object))
        {
            // free-form in the model (e.g. a rule condition's value: one id or a list); the schema says which
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            Expect(kinds.SequenceEqual(["object"]), $"{at}: the model reads a mapping of any keys, the schema says {string.Join("/", kinds)}");
            Expect(schema["properties"] is null && schema["additionalProperties"] is JsonObject,
                $"{at}: the model accepts any key here, so the schema must describe the values with additionalProperties (and list no properties)");
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            Expect(kinds.SequenceEqual(["array"]), $"{at}: the model reads a list, the schema says {string.Join("/", kinds)}");
            if (schema["items"] is JsonObject items)
            {
                Compare(root, items, type.GetGenericArguments()[0], at + "[]", problems);
            }
            else
            {
                problems.Add($"{at}: the schema does not describe the list's items");
            }
        }
        else
        {
            Expect(kinds.SequenceEqual(["object"]), $"{at}: the model reads a mapping, the schema says {string.Join("/", kinds)}");
            Expect(schema["additionalProperties"]?.GetValue<bool>() == false, $"{at}: the schema must refuse unknown keys (additionalProperties: false)");
            var modelKeys = YamlFileParser.KeysOf(type);
            var schemaKeys = (schema["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
            foreach (var missing in modelKeys.Keys.Except(schemaKeys))
            {
                problems.Add($"{at}/{missing}: read by the loader but not in the schema");
            }

            foreach (var extra in schemaKeys.Except(modelKeys.Keys))
            {
                problems.Add($"{at}/{extra}: in the schema but unknown to the loader");
            }

            foreach (var required in (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()) ?? [])
            {
                Expect(modelKeys.ContainsKey(required), $"{at}: the schema requires '{required}', which the loader does not know");
            }

            foreach (var (key, property) in modelKeys)
            {
                if (schema["properties"]?[key] is JsonObject child)
                {
                    Compare(root, child, property.PropertyType, $"{at}/{key}", problems);
                }
            }
        }

        void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }

    private static JsonObject Resolve(JsonObject root, JsonObject schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            JsonNode? target = root;
            foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                target = target?[part];
            }

            schema = target as JsonObject ?? throw new InvalidOperationException("unresolved " + reference);
        }

        return schema;
    }

    private static List<string> Kinds(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal).ToList(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };
}
