using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceBot.Core.Loading;
using Json.Schema;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Checks one parsed content file against its JSON Schema, the one definition of the file's shape (keys, types,
/// required keys, allowed values, forms), and reports each violation in plain words at the line and column of the key
/// or value concerned (through the parser's line maps). Only a file that passes is bound to its data class.
/// </summary>
/// <remarks>
/// One message per defect: a key missing because it is misspelled is reported once, as the unknown key with its
/// "did you mean"; the failing branches of a choice (<c>anyOf</c>/<c>oneOf</c>) that holds as a whole, or that has
/// its own <c>errorMessage</c>, are not reported. How each rule is worded: <see cref="SchemaMessages"/>.
/// </remarks>
internal static class SchemaCheck
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    // Pass or fail only: most files pass, and the list of every rule's result is only needed to word a failure.
    private static readonly EvaluationOptions PassOrFail = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    /// <summary>
    /// Adds one message per violated rule of <paramref name="schema"/> (named <paramref name="schemaName"/>) in
    /// <paramref name="file"/>; returns whether the file passed (a file with no YAML tree does not).
    /// </summary>
    public static bool Check<T>(ParsedFile<T> file, ContentSchema schema, string schemaName, List<ValidationMessage> messages)
        where T : class
    {
        if (file.Root is null)
        {
            return false;
        }

        var instance = YamlJson.ToJson(file.Root);
        var element = JsonSerializer.SerializeToElement(instance);
        if (schema.Schema.Evaluate(element, PassOrFail).IsValid)
        {
            return true;
        }

        var results = schema.Schema.Evaluate(element, Options);
        if (results.IsValid)
        {
            return true; // cannot happen: the same rules on the same value
        }

        var all = (results.Details ?? []).Append(results).ToList();
        var validity = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var node in all)
        {
            validity.TryAdd(node.EvaluationPath + "|" + node.InstanceLocation, node.IsValid);
        }

        var wording = new SchemaMessages(file, instance, schema, schemaName);
        var violations = new List<Violation>();
        foreach (var detail in all.Where(d => d.Errors is { Count: > 0 }))
        {
            var pointer = detail.InstanceLocation.ToString();
            switch (Branch(detail, all, validity, schema))
            {
                case null:
                    violations.AddRange(detail.Errors!.Select(e => new Violation(pointer, detail.EvaluationPath.ToString(), e.Key, e.Value)));
                    break;
                case { Worded: true } choice:
                    violations.Add(new Violation(choice.Pointer, choice.Holder, choice.Keyword, string.Empty)); // said once, in the schema's words
                    break;
            }
        }

        var misspelled = violations.Where(wording.IsUnknownKey)
            .Select(v => (Parent: Parent(v.Pointer), Meant: wording.Suggestion(v)))
            .Where(x => x.Meant is not null)
            .ToHashSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var before = messages.Count;
        foreach (var violation in violations)
        {
            foreach (var message in wording.Describe(violation, missing => misspelled.Contains((violation.Pointer, missing))))
            {
                if (seen.Add(message.ToString()))
                {
                    messages.Add(message);
                }
            }
        }

        if (messages.Count == before)
        {
            // Every violation was a detail of another one: still say where the file fails.
            messages.Add(file.At(string.Empty, Severity.Error, $"the file does not match its schema ({schemaName})"));
        }

        return false;
    }

    /// <summary>
    /// When <paramref name="detail"/> is a failed branch of an <c>anyOf</c>/<c>oneOf</c>, that choice: its branches'
    /// complaints are not reported, either because the choice holds as a whole (a condition written as a list fails the
    /// "string" branch, which is no error) or, when it fails, because the schema words its failure itself
    /// (<c>errorMessage</c>, then <see cref="Choice.Worded"/>). Null for any other detail.
    /// </summary>
    private static Choice? Branch(EvaluationResults detail, List<EvaluationResults> all, Dictionary<string, bool> validity, ContentSchema schema)
    {
        var segments = detail.EvaluationPath.ToString().Split('/');
        for (var i = segments.Length - 2; i > 0; i--)
        {
            if (segments[i] is not ("anyOf" or "oneOf"))
            {
                continue;
            }

            // The value the choice was made for: the detail's own, or an ancestor when the branch failed deeper inside it.
            var holder = string.Join('/', segments[..i]);
            var instance = detail.InstanceLocation.ToString();
            while (!validity.ContainsKey(holder + "|" + instance) && instance.Length > 0)
            {
                instance = instance[..instance.LastIndexOf('/')];
            }

            if (Holds(holder, segments[i], instance, all, schema))
            {
                return new Choice(holder, segments[i], instance, Worded: false);
            }

            if (schema.At(holder) is { } rules && SchemaMessages.ErrorMessage(rules, segments[i]) is not null)
            {
                return new Choice(holder, segments[i], instance, Worded: true);
            }
        }

        return null;
    }

    // Whether the choice at holder holds for the value at instance: how many of its branches fail there (any error
    // inside a branch fails it), against one branch for oneOf and at least one for anyOf.
    private static bool Holds(string holder, string keyword, string instance, List<EvaluationResults> all, ContentSchema schema)
    {
        var branches = schema.At(holder + "/" + keyword) is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : 0;
        var prefix = holder + "/" + keyword + "/";
        var failing = all
            .Where(d => !d.IsValid && d.InstanceLocation.ToString().StartsWith(instance, StringComparison.Ordinal)
                && d.EvaluationPath.ToString().StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => d.EvaluationPath.ToString()[prefix.Length..].Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .Count();
        return keyword == "oneOf" ? branches - failing == 1 : failing < branches;
    }

    private static string Parent(string pointer) => pointer[..Math.Max(0, pointer.LastIndexOf('/'))];
}

/// <summary>
/// A choice (<c>anyOf</c>/<c>oneOf</c>) at schema location <paramref name="Holder"/> made for the value at
/// <paramref name="Pointer"/>, and whether its failure is worded by the schema.
/// </summary>
internal sealed record Choice(string Holder, string Keyword, string Pointer, bool Worded);

/// <summary>One violated rule: where in the file (a JSON pointer), where in the schema, the keyword and the validator's own text.</summary>
internal sealed record Violation(string Pointer, string EvaluationPath, string Keyword, string Error);
