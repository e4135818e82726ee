using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>The dialog part of <see cref="ContentLoader.Load"/>: checks the dialog files against the knowledge files.</summary>
internal static class DialogLoading
{
    /// <summary>
    /// Checks <paramref name="dialogFiles"/> and the topics' <c>offers</c>; returns the dialogs, or null when any
    /// dialog file has errors. When the knowledge base itself failed, citations are checked by regulation file only.
    /// </summary>
    public static IReadOnlyList<DialogDefinition>? Check(List<ParsedFile<DialogDto>> dialogFiles,
        List<ParsedFile<RegulationDto>> regulationFiles, List<ParsedFile<TopicDto>> topicFiles, KnowledgeBase? knowledge,
        bool dialogsFolderExists, ContentLayout layout, List<ValidationMessage> messages)
    {
        static string FileId(ParsedFile file) => Path.GetFileNameWithoutExtension(file.Path);

        var regulations = knowledge?.Regulations.ToDictionary(r => r.Id, StringComparer.Ordinal)
                          ?? new Dictionary<string, Regulation>(StringComparer.Ordinal);
        var uncheckable = regulationFiles.Select(FileId).Where(id => !regulations.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var topicIds = topicFiles.Select(FileId).ToHashSet(StringComparer.Ordinal);
        var dialogs = new DialogChecker(dialogFiles, regulations, uncheckable, topicIds, layout).Check(messages);
        if (dialogsFolderExists)
        {
            DialogChecker.CheckOffers(topicFiles, dialogFiles.Select(FileId).ToHashSet(StringComparer.Ordinal), layout, messages);
        }

        return dialogs;
    }
}
