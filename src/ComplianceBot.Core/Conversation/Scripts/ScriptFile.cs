using System.Text;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>The scripts of one file and the problems found reading it.</summary>
/// <param name="Scripts">The scripts, in file order; empty when the file has errors.</param>
/// <param name="Messages">Problems, located by file, line and column.</param>
public sealed record ScriptFileResult(IReadOnlyList<ConversationScript> Scripts, IReadOnlyList<ValidationMessage> Messages)
{
    /// <summary>True when at least one message is an error.</summary>
    public bool HasErrors => Messages.Any(m => m.Severity == Severity.Error);
}

/// <summary>
/// Reads conversation scripts from YAML (format: <c>tests/ComplianceBot.Tests/Conversations/README.md</c>):
/// <c>scripts:</c>, each with a <c>name</c> and <c>steps</c> of <c>user</c> / <c>value</c> / <c>click</c> /
/// <c>attachment</c> / <c>deploy</c> with <c>expect</c>, <c>says</c>, <c>not_says</c>. Mistakes (unknown keys,
/// a step that does two things) are reported with file, line and column.
/// </summary>
public static class ScriptFile
{
    private const string SchemaName = "script.schema.json";

    // The shape of a script file: Conversation/Scripts/script.schema.json, embedded.
    private static readonly Lazy<ContentSchema> Schema = new(() => ContentSchema.FromResource("ComplianceBot.Core." + SchemaName));

    /// <summary>Reads the file at <paramref name="path"/>; <paramref name="displayPath"/> (default: the path) names it in messages.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ScriptFileResult Load(string path, string? displayPath = null)
    {
        displayPath ??= path;
        var messages = new List<ValidationMessage>();
        var parsed = YamlFileParser.Parse<ScriptFileDto>(displayPath, File.ReadAllText(path, Encoding.UTF8), messages);
        if (SchemaCheck.Check(parsed, Schema.Value, SchemaName, messages))
        {
            YamlFileParser.Bind(parsed, messages);
        }

        if (parsed.Dto is null)
        {
            return new ScriptFileResult([], messages);
        }

        var scripts = new List<ConversationScript>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var dtos = parsed.Dto.Scripts ?? [];
        if (dtos.Count == 0)
        {
            messages.Add(parsed.At("/scripts", Severity.Error, "no scripts: expected 'scripts:' with a list of { name, steps }"));
        }

        for (var i = 0; i < dtos.Count; i++)
        {
            var at = $"/scripts/{i}";
            var dto = dtos[i];
            if (string.IsNullOrWhiteSpace(dto.Name))
            {
                messages.Add(parsed.At(at, Severity.Error, "a script needs a 'name'"));
            }
            else if (!names.Add(dto.Name))
            {
                messages.Add(parsed.At(at + "/name", Severity.Error, $"another script in this file is also named '{dto.Name}'; names must be unique"));
            }

            if (dto.Steps is not { Count: > 0 })
            {
                messages.Add(parsed.At(at, Severity.Error, "a script needs 'steps'"));
                continue;
            }

            var steps = new List<ScriptStep>();
            for (var j = 0; j < dto.Steps.Count; j++)
            {
                if (Step(parsed, dto.Steps[j], $"{at}/steps/{j}", messages) is { } step)
                {
                    steps.Add(step);
                }
            }

            scripts.Add(new ConversationScript(dto.Name ?? $"script {i + 1}", displayPath, parsed.ValueAt(at).Line, steps));
        }

        var hasErrors = messages.Any(m => m.Severity == Severity.Error);
        return new ScriptFileResult(hasErrors ? [] : scripts, messages);
    }

    private static ScriptStep? Step(ParsedFile<ScriptFileDto> file, ScriptStepDto dto, string at, List<ValidationMessage> messages)
    {
        var actions = (dto.User is not null || dto.Value is not null ? 1 : 0) + (dto.Click is not null ? 1 : 0)
                      + (dto.Attachment == true ? 1 : 0) + (dto.Deploy is not null ? 1 : 0);
        if (actions != 1)
        {
            messages.Add(file.At(at, Severity.Error, actions == 0
                ? "a step needs one of: user (text), value (button data), click (a button), attachment: true, deploy"
                : "a step does one thing: user (with an optional value), click, attachment or deploy"));
            return null;
        }

        ContentChange? deploy = null;
        if (dto.Deploy is { } d)
        {
            deploy = (d.BumpVersion, d.Remove) switch
            {
                ({ } id, null) => new ContentChange(id, ContentChangeKind.BumpVersion),
                (null, { } id) => new ContentChange(id, ContentChangeKind.Remove),
                _ => null,
            };
            if (deploy is null)
            {
                messages.Add(file.At(at + "/deploy", Severity.Error, "deploy needs exactly one of 'bump_version: <dialog id>' or 'remove: <dialog id>'"));
                return null;
            }
        }

        var expect = dto.Expect?.Select(e => new ReplyExpectation(e.Type, e.Dialog, e.Slot, e.Verdict, e.Id, e.Facts, e.Choices,
            e.Text ?? [], e.Buttons ?? [])).ToList();
        return new ScriptStep(file.ValueAt(at).Line, dto.User, dto.Value, dto.Click, dto.Attachment == true, deploy, expect,
            dto.Says ?? [], dto.NotSays ?? []);
    }
}

// YAML shapes of a script file (snake_case keys).
internal sealed class ScriptFileDto
{
    public List<ScriptDto>? Scripts { get; set; }
}

internal sealed class ScriptDto
{
    public string? Name { get; set; }
    public List<ScriptStepDto>? Steps { get; set; }
}

internal sealed class ScriptStepDto
{
    public string? User { get; set; }
    public Dictionary<string, string>? Value { get; set; }
    public string? Click { get; set; }
    public bool? Attachment { get; set; }
    public DeployDto? Deploy { get; set; }
    public List<ExpectationDto>? Expect { get; set; }
    public List<string>? Says { get; set; }
    public List<string>? NotSays { get; set; }
}

internal sealed class DeployDto
{
    public string? BumpVersion { get; set; }
    public string? Remove { get; set; }
}

internal sealed class ExpectationDto
{
    public string? Type { get; set; }
    public string? Dialog { get; set; }
    public string? Slot { get; set; }
    public string? Verdict { get; set; }
    public string? Id { get; set; }
    public Dictionary<string, string>? Facts { get; set; }
    public List<string>? Choices { get; set; }
    public List<string>? Text { get; set; }
    public List<string>? Buttons { get; set; }
}
