using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Warns about YAML files in the content folders that nothing reads (a topic saved in <c>topics/old/</c>, a
/// <c>synonyms.yml</c>, a dialog in a subfolder), so an author is never left wondering why an edit has no effect.
/// </summary>
/// <remarks>
/// Read are: <c>knowledge/regulations/*</c>, <c>knowledge/topics/*</c>, <c>knowledge/synonyms.yaml</c>,
/// <c>knowledge/out-of-scope.yaml</c>, <c>knowledge/places.yaml</c>, <c>dialogs/*</c> (each <c>.yaml</c> or <c>.yml</c>, no subfolders), and the
/// conversation scripts the <c>test</c> command runs, <c>knowledge/tests/*</c> and <c>dialogs/tests/*</c>. Hidden
/// files and folders (names starting with '.') are left alone.
/// </remarks>
internal static class UnreadFiles
{
    /// <summary>Adds one warning for each YAML file under <paramref name="knowledgeRoot"/> or <paramref name="dialogsRoot"/> that is not read.</summary>
    public static void Check(string knowledgeRoot, string knowledgeBase, string dialogsRoot, string dialogsBase, List<ValidationMessage> messages)
    {
        string Shown(string baseFolder, string path) => Path.GetRelativePath(baseFolder, path).Replace('\\', '/');

        var knowledge = Shown(knowledgeBase, knowledgeRoot);
        foreach (var file in YamlFilesBelow(knowledgeRoot).Where(f => !IsUnder(f, dialogsRoot)))
        {
            var relative = Path.GetRelativePath(knowledgeRoot, file).Replace('\\', '/');
            var parts = relative.Split('/');
            var reason = parts switch
            {
                [ContentLoader.SynonymsFile] or [ContentLoader.OutOfScopeFile] or [ContentLoader.PlacesFile] or [ContentLoader.FollowUpsFile] => null,
                [_] => $"the {knowledge}/ folder itself holds only {ContentLoader.SynonymsFile}, {ContentLoader.OutOfScopeFile}, {ContentLoader.PlacesFile} and {ContentLoader.FollowUpsFile}; "
                       + $"topics go in {knowledge}/{ContentLoader.TopicsFolder}/, regulations in {knowledge}/{ContentLoader.RegulationsFolder}/",
                [ContentLoader.TopicsFolder or ContentLoader.RegulationsFolder or ContentLoader.TestsFolder, _] => null,
                [ContentLoader.TopicsFolder or ContentLoader.RegulationsFolder or ContentLoader.TestsFolder, ..] =>
                    $"files are read from {knowledge}/{parts[0]}/ itself, not from its subfolders",
                _ => $"the bot reads {knowledge}/{ContentLoader.TopicsFolder}/, {knowledge}/{ContentLoader.RegulationsFolder}/, "
                     + $"{ContentLoader.SynonymsFile}, {ContentLoader.OutOfScopeFile} and {ContentLoader.PlacesFile} (and the test command {knowledge}/{ContentLoader.TestsFolder}/), nothing else",
            };
            Warn(Shown(knowledgeBase, file), reason, messages);
        }

        if (!Directory.Exists(dialogsRoot))
        {
            return;
        }

        var dialogs = Shown(dialogsBase, dialogsRoot);
        foreach (var file in YamlFilesBelow(dialogsRoot))
        {
            var parts = Path.GetRelativePath(dialogsRoot, file).Replace('\\', '/').Split('/');
            var reason = parts switch
            {
                [_] or [ContentLoader.TestsFolder, _] => null,
                [ContentLoader.TestsFolder, ..] => $"conversation scripts are run from {dialogs}/{ContentLoader.TestsFolder}/ itself, not from its subfolders",
                _ => $"dialogs are read from {dialogs}/ itself (and scripts from {dialogs}/{ContentLoader.TestsFolder}/), not from other subfolders",
            };
            Warn(Shown(dialogsBase, file), reason, messages);
        }
    }

    private static void Warn(string shown, string? reason, List<ValidationMessage> messages)
    {
        if (reason is not null)
        {
            messages.Add(new ValidationMessage(shown, 0, 0, Severity.Warning,
                $"this YAML file is not read: {reason}. Move it where it belongs, or delete it if it is an old copy"));
        }
    }

    private static bool IsUnder(string file, string folder) =>
        !Path.GetRelativePath(folder, file).StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(Path.GetRelativePath(folder, file));

    private static IEnumerable<string> YamlFilesBelow(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => ContentLoader.IsYaml(f) && !Path.GetRelativePath(root, f).Replace('\\', '/').Split('/').Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }
}
