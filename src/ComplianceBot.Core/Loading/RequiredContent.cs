using System.Text.Json;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// What the content must contain, as data: <c>knowledge/schema/required-content.json</c> lists the files of the
/// knowledge folder the bot cannot do without (<c>synonyms.yaml</c>, <c>out-of-scope.yaml</c>, ...) and the topic ids
/// the reply format fixes (docs/reply-format.md, topic ids). A file or topic listed there and missing is an
/// error, so <c>validate</c> fails and a hot reload keeps the last good content instead of silently serving less
/// (without out-of-scope.yaml a quarter of off-topic questions would get VPN answers). Adding a required file (the
/// place gazetteer <c>places.yaml</c>) or a contract topic is one line in that file.
/// </summary>
internal static class RequiredContent
{
    /// <summary>The list's path inside the knowledge folder.</summary>
    public const string FileName = "schema/required-content.json";

    /// <summary>Adds an error for each required file or topic missing under <paramref name="knowledgeRoot"/>, or for a missing or unreadable list.</summary>
    /// <param name="knowledgeRoot">The knowledge folder (full path).</param>
    /// <param name="displayBase">The folder message paths are relative to (the knowledge folder's parent).</param>
    /// <param name="messages">Where the errors go.</param>
    public static void Check(string knowledgeRoot, string displayBase, List<ValidationMessage> messages)
    {
        string Shown(string relative) => Path.GetRelativePath(displayBase, Path.Combine(knowledgeRoot, relative)).Replace('\\', '/');

        var listPath = Path.Combine(knowledgeRoot, FileName);
        if (!File.Exists(listPath))
        {
            messages.Add(new ValidationMessage(Shown(FileName), 0, 0, Severity.Error,
                "the list of required content is missing; without it a deleted out-of-scope.yaml, synonyms.yaml or contract topic "
                + "would go unnoticed. Restore the file from the repository"));
            return;
        }

        Required? required;
        try
        {
            required = JsonSerializer.Deserialize<Required>(File.ReadAllText(listPath), new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException e)
        {
            messages.Add(new ValidationMessage(Shown(FileName), (int)(e.LineNumber ?? 0) + 1, 0, Severity.Error, "not valid JSON: " + e.Message));
            return;
        }

        foreach (var file in required?.Files ?? [])
        {
            if (!File.Exists(Path.Combine(knowledgeRoot, file)))
            {
                messages.Add(new ValidationMessage(Shown(file), 0, 0, Severity.Error,
                    $"required file missing ({FileName} lists it); the bot would answer without it. Restore it from the repository"));
            }
        }

        foreach (var topic in required?.Topics ?? [])
        {
            var relative = ContentLoader.TopicsFolder + "/" + topic + ".yaml";
            if (!File.Exists(Path.Combine(knowledgeRoot, relative)))
            {
                messages.Add(new ValidationMessage(Shown(relative), 0, 0, Severity.Error,
                    $"topic '{topic}' is required by the product contract ({FileName} lists it) but missing; "
                    + "other programs read this id from the bot's replies. Restore the topic from the repository"));
            }
        }
    }

    private sealed class Required
    {
        public List<string>? Files { get; set; }

        public List<string>? Topics { get; set; }
    }
}
