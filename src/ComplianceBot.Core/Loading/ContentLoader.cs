using System.Security.Cryptography;
using System.Text;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Reads <c>knowledge/</c> (regulations, topics, synonyms, out-of-scope groups, places) and <c>dialogs/</c> (decision
/// dialogs), checks every file and builds a <see cref="ContentSnapshot"/>.
/// Never throws for bad content: every problem becomes a <see cref="ValidationMessage"/> with file, line and column.
/// The one pipeline of checks (see <see cref="ContentValidator"/>): the <c>validate</c> command and the running bot both use it.
/// </summary>
public static class ContentLoader
{
    /// <summary>File name of the synonym list inside the knowledge folder.</summary>
    public const string SynonymsFile = "synonyms.yaml";

    /// <summary>File name of the out-of-scope groups inside the knowledge folder.</summary>
    public const string OutOfScopeFile = "out-of-scope.yaml";

    /// <summary>The optional file of follow-ups and correction cues in the knowledge folder: <c>follow-ups.yaml</c>.</summary>
    public const string FollowUpsFile = "follow-ups.yaml";

    /// <summary>
    /// File name of the place gazetteer inside the knowledge folder: required (without it a question about Hong Kong
    /// or Tokyo would get a mainland-law answer).
    /// </summary>
    public const string PlacesFile = "places.yaml";

    /// <summary>Folder of regulation entries inside the knowledge folder.</summary>
    public const string RegulationsFolder = "regulations";

    /// <summary>Folder of topic entries inside the knowledge folder.</summary>
    public const string TopicsFolder = "topics";

    /// <summary>
    /// Folder of conversation scripts, inside the knowledge folder (the compliance team's FAQ scripts) and inside the
    /// dialogs folder (the decision-table scripts): not content, run by the <c>test</c> command.
    /// </summary>
    public const string TestsFolder = "tests";

    /// <summary>Default name of the dialogs folder, next to the knowledge folder.</summary>
    public const string DialogsFolder = "dialogs";

    /// <summary>
    /// Loads and checks the content under <paramref name="knowledgeDirectory"/> and the decision dialogs. Message paths
    /// are relative to each folder's parent (normally the repository root), e.g. <c>knowledge/topics/travelers.yaml</c>,
    /// <c>dialogs/travel-check.yaml</c>.
    /// </summary>
    /// <param name="knowledgeDirectory">The <c>knowledge/</c> folder.</param>
    /// <param name="time">Clock for the load time and staleness checks; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="dialogsDirectory">
    /// The <c>dialogs/</c> folder; a folder given here that does not exist is an error (the bot would otherwise
    /// lose every dialog without a word). When null, the <c>dialogs</c> folder next to
    /// <paramref name="knowledgeDirectory"/> if it exists; without one, knowledge-only content has no dialogs (and
    /// topic <c>offers</c> are then not checked against dialogs).
    /// </param>
    /// <exception cref="DirectoryNotFoundException">The knowledge folder does not exist.</exception>
    public static ContentLoadResult Load(string knowledgeDirectory, TimeProvider? time = null, string? dialogsDirectory = null) =>
        LoadChecked(knowledgeDirectory, time, dialogsDirectory, deferPhrasingCheck: false);

    /// <summary>
    /// Loads and checks the content like <see cref="Load(string, TimeProvider?, string?)"/>, except that the
    /// phrasing-collision check, an authoring lint that only ever warns, is left for later: every check that can
    /// produce an error has run, so <see cref="ContentLoadResult.Content"/> is exactly what <c>Load</c> gives, and
    /// <see cref="ContentLoadResult.Complete"/> adds the lint's warnings, giving exactly <c>Load</c>'s messages in
    /// the same order. For the running bot, which serves the content first and reports the warnings when they are known.
    /// Its <see cref="ContentLoadResult.Sources"/> are <see cref="ContentSources.None"/>: the bot never asks where a topic
    /// was read (only the <c>impact</c> command does, after <c>Load</c>), and the files' line maps would otherwise live as
    /// long as the result (about 60 MB at 10,000 topics, while the matchers are built and the lint runs). For large
    /// content (<see cref="LoadGarbage.MinPhrasings"/> phrasings) it ends with a full collection, so the load's garbage is
    /// gone before the caller builds the index (<see cref="LoadGarbage"/>).
    /// </summary>
    /// <inheritdoc cref="Load(string, TimeProvider?, string?)"/>
    public static ContentLoadResult LoadDeferringPhrasingCheck(string knowledgeDirectory, TimeProvider? time = null, string? dialogsDirectory = null) =>
        LoadDeferringPhrasingCheckCollectingFrom(knowledgeDirectory, time, dialogsDirectory, LoadGarbage.MinPhrasings);

    /// <summary>For tests: <see cref="LoadDeferringPhrasingCheck(string, TimeProvider?, string?)"/> collecting from <paramref name="collectFromPhrasings"/> phrasings.</summary>
    internal static ContentLoadResult LoadDeferringPhrasingCheckCollectingFrom(string knowledgeDirectory, TimeProvider? time, string? dialogsDirectory, int collectFromPhrasings)
    {
        var result = LoadChecked(knowledgeDirectory, time, dialogsDirectory, deferPhrasingCheck: true);
        LoadGarbage.CollectIfLarge(result.Pending?.PhrasingCount ?? 0, collectFromPhrasings); // here, not inside: the parsed files are then out of every scope
        return result;
    }

    /// <summary>For tests: <see cref="Load(string, TimeProvider?, string?)"/> reading at most <paramref name="maxParallelism"/> files at a time (1: one by one).</summary>
    internal static ContentLoadResult LoadReading(string knowledgeDirectory, string? dialogsDirectory, int maxParallelism) =>
        LoadChecked(knowledgeDirectory, null, dialogsDirectory, deferPhrasingCheck: false, maxParallelism);

    private static ContentLoadResult LoadChecked(string knowledgeDirectory, TimeProvider? time, string? dialogsDirectory, bool deferPhrasingCheck,
        int maxParallelism = -1)
    {
        time ??= TimeProvider.System;
        var root = Path.GetFullPath(knowledgeDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Knowledge folder not found: {root}");
        }

        var displayBase = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? root;
        var dialogsRoot = Path.GetFullPath(dialogsDirectory ?? Path.Combine(displayBase, DialogsFolder));
        var dialogsBase = Path.GetDirectoryName(dialogsRoot.TrimEnd(Path.DirectorySeparatorChar)) ?? dialogsRoot;
        var layout = new ContentLayout(Display(displayBase, root), Display(dialogsBase, dialogsRoot));
        var messages = new List<ValidationMessage>();
        var files = new List<(string FullPath, string HashedName, string Text)>();
        var schemas = ContentSchemas.Load(Path.Combine(root, ContentSchemas.Folder), displayBase, dialogsRoot, dialogsBase, messages);

        IEnumerable<string> Yaml(string folder) =>
            Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.*").Where(IsYaml).Order(StringComparer.Ordinal)
                : [];

        // Read, parse, check against the schema, and only then bind: the schema owns the shape of every file.
        ParsedFile<T> Read<T>(string relativeTo, string fullPath, string hashedName, string schemaName)
            where T : class
        {
            var (parsed, fingerprint) = ReadFile<T>(Display(relativeTo, fullPath), fullPath, schemas, schemaName, messages);
            files.Add((fullPath, hashedName, fingerprint));
            return parsed;
        }

        ParsedFile<T> Knowledge<T>(string fullPath, string schemaName)
            where T : class => Read<T>(displayBase, fullPath, "knowledge/" + Display(root, fullPath), schemaName);

        // A folder of many files (topics, regulations): each file read, parsed and checked on its own, in parallel; the
        // messages, fingerprints and files come out in file-name order, exactly as reading them one by one gives.
        List<ParsedFile<T>> Folder<T>(string folder, string schemaName)
            where T : class
        {
            var paths = Yaml(folder).ToList();
            var read = new (ParsedFile<T>? File, string Fingerprint, List<ValidationMessage> Messages, Exception? Failure)[paths.Count];
            Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i =>
            {
                var local = new List<ValidationMessage>();
                try
                {
                    var (parsed, fingerprint) = ReadFile<T>(Display(displayBase, paths[i]), paths[i], schemas, schemaName, local);
                    read[i] = (parsed, fingerprint, local, null);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    read[i] = (null, string.Empty, local, ex);
                }
            });
            var parsedFiles = new List<ParsedFile<T>>(paths.Count);
            for (var i = 0; i < paths.Count; i++)
            {
                messages.AddRange(read[i].Messages);
                if (read[i].Failure is { } failure)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure); // the first file that cannot be read, as one by one
                }

                files.Add((paths[i], "knowledge/" + Display(root, paths[i]), read[i].Fingerprint));
                parsedFiles.Add(read[i].File!);
            }

            return parsedFiles;
        }

        var regulations = Folder<RegulationDto>(Path.Combine(root, RegulationsFolder), ContentSchemas.RegulationFile);
        var topics = Folder<TopicDto>(Path.Combine(root, TopicsFolder), ContentSchemas.TopicFile);
        var synonymsPath = Path.Combine(root, SynonymsFile);
        var synonyms = File.Exists(synonymsPath) ? Knowledge<SynonymsDto>(synonymsPath, ContentSchemas.SynonymsFile) : null;
        var outOfScopePath = Path.Combine(root, OutOfScopeFile);
        var outOfScope = File.Exists(outOfScopePath) ? Knowledge<OutOfScopeDto>(outOfScopePath, ContentSchemas.OutOfScopeFile) : null;

        var placesPath = Path.Combine(root, PlacesFile);
        ParsedFile<PlacesDto>? places = null;
        if (File.Exists(placesPath))
        {
            places = Knowledge<PlacesDto>(placesPath, ContentSchemas.PlacesFile);
        }
        else
        {
            messages.Add(new ValidationMessage(Display(displayBase, placesPath), 0, 0, Severity.Error,
                "the place gazetteer is missing; without it questions about Hong Kong, Taiwan or other countries would get mainland-law "
                + "answers. Restore it from version control (see knowledge/README.md, \"Places\")"));
        }

        if (regulations.Count == 0)
        {
            messages.Add(new ValidationMessage(Display(displayBase, Path.Combine(root, RegulationsFolder)), 0, 0,
                Severity.Error, "no regulation entries found (expected *.yaml files here)"));
        }

        if (topics.Count == 0)
        {
            messages.Add(new ValidationMessage(Display(displayBase, Path.Combine(root, TopicsFolder)), 0, 0,
                Severity.Error, "no topic entries found (expected *.yaml files here)"));
        }

        var checker = new KnowledgeChecker(regulations, topics, synonyms, outOfScope, layout, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var knowledge = checker.Check(messages);
        var followUpsPath = Path.Combine(root, FollowUpsFile);
        var followUps = File.Exists(followUpsPath)
            ? FollowUpChecker.Check(Knowledge<FollowUpsDto>(followUpsPath, ContentSchemas.FollowUpsFile), knowledge, messages)
            : ComplianceBot.Core.Knowledge.FollowUps.None;
        if (dialogsDirectory is not null && !Directory.Exists(dialogsRoot))
        {
            messages.Add(new ValidationMessage(Display(dialogsBase, dialogsRoot), 0, 0, Severity.Error,
                "dialogs folder not found; without it every decision dialog (and each answer's \"Check my situation\") "
                + "would be gone. Restore the folder, or point Content:DialogsPath (or --dialogs) at it"));
        }

        UnreadFiles.Check(root, displayBase, dialogsRoot, dialogsBase, messages);
        var dialogFiles = Yaml(dialogsRoot)
            .Select(f => Read<DialogDto>(dialogsBase, f, DialogsFolder + "/" + Display(dialogsRoot, f), ContentSchemas.DialogFile))
            .ToList();
        var dialogs = DialogLoading.Check(dialogFiles, regulations, topics, knowledge, Directory.Exists(dialogsRoot), layout, messages);
        if (dialogs is not null)
        {
            ContractRowCheck.Check(dialogsRoot, dialogs, dialogFiles, messages);
        }
        var gazetteer = places is null
            ? null
            : PlacesChecker.Check(places, topics.Select(t => Path.GetFileNameWithoutExtension(t.Path)).ToHashSet(StringComparer.Ordinal), dialogs,
                Directory.Exists(dialogsRoot) ? dialogFiles.Select(f => Path.GetFileNameWithoutExtension(f.Path)).ToHashSet(StringComparer.Ordinal) : null,
                messages);
        PendingWarnings? pending = null;
        ContentValidator.Run(new KnowledgeFiles(regulations, topics, synonyms, outOfScope, dialogFiles), knowledge, messages,
            deferPhrasingCheck ? (phrasings, at) => pending = new PendingWarnings(messages, at, phrasings) : null);
        RequiredContent.Check(root, displayBase, messages);
        var ordered = PendingWarnings.Order(messages);
        var version = new ContentVersion(Hash(files), time.GetUtcNow(),
            knowledge?.Topics.Select(t => t.LastReviewed).DefaultIfEmpty().Max() ?? default);

        var hasErrors = ordered.Any(m => m.Severity == Severity.Error);
        return new ContentLoadResult(
            hasErrors || knowledge is null || dialogs is null || gazetteer is null || followUps is null
                ? null
                : new ContentSnapshot(knowledge, version) { Dialogs = dialogs, Places = gazetteer, FollowUps = followUps },
            version, ordered)
        {
            Sources = deferPhrasingCheck ? ContentSources.None : ContentSources.From(displayBase, dialogsBase, topics, dialogFiles),
            Pending = pending,
        };
    }

    // Reads, parses and checks one file against its schema, and binds it if it passes; its messages go to messages.
    private static (ParsedFile<T> File, string Fingerprint) ReadFile<T>(string display, string fullPath, ContentSchemas schemas,
        string schemaName, List<ValidationMessage> messages)
        where T : class
    {
        var read = ContentFileReader.Read(fullPath, display, messages);
        var parsed = read.Text is null
            ? new ParsedFile<T>(display, null, null, new(StringComparer.Ordinal), new(StringComparer.Ordinal))
            : YamlFileParser.Parse<T>(display, read.Text, messages);
        if (schemas.Get(schemaName) is { } schema && SchemaCheck.Check(parsed, schema, schemaName, messages))
        {
            YamlFileParser.Bind(parsed, messages);
        }

        parsed.ReleaseTree();
        return (parsed, read.Fingerprint);
    }

    /// <summary>Whether <paramref name="path"/> names a YAML file (<c>.yaml</c> or <c>.yml</c>, any case).</summary>
    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string Display(string displayBase, string path) =>
        Path.GetRelativePath(displayBase, path).Replace('\\', '/');

    /// <summary>
    /// The content version: a hash of each file's contents and its path inside its content folder (<c>knowledge/topics/x.yaml</c>,
    /// <c>dialogs/x.yaml</c>, whatever the folders are called and wherever they are), so identical content has one version.
    /// </summary>
    private static string Hash(IEnumerable<(string FullPath, string HashedName, string Text)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.HashedName, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.HashedName + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(file.Text));
            sha.AppendData("\n\0"u8);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
