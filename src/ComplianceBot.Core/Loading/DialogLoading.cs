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
        bool dialogsFolderExists, List<ValidationMessage> messages)
    {
        static string FileId<T>(ParsedFile<T> file)
            where T : class => Path.GetFileNameWithoutExtension(file.Path);

        var regulations = knowledge?.Regulations.ToDictionary(r => r.Id, StringComparer.Ordinal)
                          ?? new Dictionary<string, Regulation>(StringComparer.Ordinal);
        var uncheckable = regulationFiles.Select(FileId).Where(id => !regulations.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var topicIds = topicFiles.Select(FileId).ToHashSet(StringComparer.Ordinal);
        var entry = regulationFiles.Select(f => f.Path).Concat(topicFiles.Select(f => f.Path)).FirstOrDefault();
        var knowledgeFolder = Path.GetDirectoryName(Path.GetDirectoryName(entry ?? "knowledge/topics/x.yaml"))?.Replace('\\', '/') + "/";
        var dialogs = new DialogChecker(dialogFiles, regulations, uncheckable, topicIds, knowledgeFolder).Check(messages);
        if (dialogsFolderExists)
        {
            var dialogsFolder = dialogFiles.Select(f => Path.GetDirectoryName(f.Path)?.Replace('\\', '/')).FirstOrDefault(d => !string.IsNullOrEmpty(d));
            DialogChecker.CheckOffers(topicFiles, dialogFiles.Select(FileId).ToHashSet(StringComparer.Ordinal), messages,
                dialogsFolder is null ? "dialogs/" : dialogsFolder + "/");
        }

        return dialogs;
    }
}
