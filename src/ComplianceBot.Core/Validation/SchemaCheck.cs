using System.Text.Json;
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
    public static void Check<T>(ParsedFile<T> file, JsonSchema schema, string schemaName, List<ValidationMessage> messages)
        where T : class
    {
        if (file.Root is null)
        {
            return;
        }

        var instance = JsonSerializer.SerializeToElement(YamlJson.ToJson(file.Root));
        var results = schema.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in (results.Details ?? []).Append(results))
        {
            if (detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            foreach (var (keyword, error) in errors)
            {
                var text = Describe(pointer, keyword, error);
                if (seen.Add(pointer + "\n" + text))
                {
                    messages.Add(file.At(pointer, Severity.Error, $"{text} (schema {schemaName})"));
                }
            }
        }
    }

    private static string Describe(string pointer, string keyword, string error)
    {
        var where = pointer.Length == 0 ? "the file" : $"'{pointer.TrimStart('/').Replace('/', '.')}'";
        return keyword == "false" || error.Contains("false schema", StringComparison.OrdinalIgnoreCase)
            ? $"{where} is not allowed here"
            : $"{where}: {error.TrimEnd('.')}";
    }
}
