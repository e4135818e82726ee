namespace ComplianceBot.Core.Loading;

/// <summary>A place in a content file: its absolute path and the 1-based line and column.</summary>
/// <param name="FilePath">Absolute path of the file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string FilePath, int Line, int Column);

/// <summary>
/// Where each topic and dialog of a load was read, from the parser's line maps, so a tool can point at the line of
/// any key or value (e.g. <c>impact</c> at a citation or a rule) without reading the YAML again.
/// </summary>
public sealed class ContentSources
{
    private readonly Dictionary<string, (string FullPath, ParsedFile File)> _topics;
    private readonly Dictionary<string, (string FullPath, ParsedFile File)> _dialogs;

    private ContentSources(Dictionary<string, (string, ParsedFile)> topics, Dictionary<string, (string, ParsedFile)> dialogs)
    {
        _topics = topics;
        _dialogs = dialogs;
    }

    /// <summary>No files.</summary>
    public static ContentSources None { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The location of the value at <paramref name="pointer"/> (e.g. <c>/citations/0/regulation</c>) in topic <paramref name="topicId"/>'s file.</summary>
    public SourceLocation? Topic(string topicId, string pointer) => Locate(_topics, topicId, pointer);

    /// <summary>The location of the value at <paramref name="pointer"/> (e.g. <c>/rules/2/id</c>) in dialog <paramref name="dialogId"/>'s file.</summary>
    public SourceLocation? Dialog(string dialogId, string pointer) => Locate(_dialogs, dialogId, pointer);

    /// <summary>The sources of one load: files shown relative to the parent of their content folder.</summary>
    internal static ContentSources From(string knowledgeBase, string dialogsBase, IEnumerable<ParsedFile> topics, IEnumerable<ParsedFile> dialogs) =>
        new(Index(knowledgeBase, topics), Index(dialogsBase, dialogs));

    private static Dictionary<string, (string, ParsedFile)> Index(string displayBase, IEnumerable<ParsedFile> files)
    {
        var index = new Dictionary<string, (string, ParsedFile)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            index.TryAdd(Path.GetFileNameWithoutExtension(file.Path), (Path.GetFullPath(Path.Combine(displayBase, file.Path)), file));
        }

        return index;
    }

    private static SourceLocation? Locate(Dictionary<string, (string FullPath, ParsedFile File)> files, string id, string pointer)
    {
        if (!files.TryGetValue(id, out var entry) || !entry.File.Has(pointer))
        {
            return null;
        }

        var (line, column) = entry.File.ValueAt(pointer);
        return new SourceLocation(entry.FullPath, line, column);
    }
}

/// <summary>
/// The content folders as messages show them (relative to each folder's parent, e.g. <c>knowledge</c> and
/// <c>dialogs</c>, or <c>k</c> for a copy named k), handed by the loader to the checks so none guesses them from file paths.
/// </summary>
/// <param name="Knowledge">The knowledge folder as shown, without a final slash.</param>
/// <param name="Dialogs">The dialogs folder as shown, without a final slash.</param>
internal sealed record ContentLayout(string Knowledge, string Dialogs)
{
    /// <summary>The regulations folder as shown, with a final slash: <c>knowledge/regulations/</c>.</summary>
    public string Regulations => $"{Knowledge}/{ContentLoader.RegulationsFolder}/";

    /// <summary>The topics folder as shown, with a final slash: <c>knowledge/topics/</c>.</summary>
    public string Topics => $"{Knowledge}/{ContentLoader.TopicsFolder}/";

    /// <summary>The dialogs folder as shown, with a final slash: <c>dialogs/</c>.</summary>
    public string DialogsFolder => $"{Dialogs}/";
}
