using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Loading;

namespace ComplianceBot.Core.Validation;

/// <summary>The parsed knowledge files, as the checks after parsing see them.</summary>
/// <param name="Regulations">Parsed <c>regulations/*.yaml</c>, in file-name order.</param>
/// <param name="Topics">Parsed <c>topics/*.yaml</c>, in file-name order.</param>
/// <param name="Synonyms">Parsed <c>synonyms.yaml</c>, if present.</param>
/// <param name="OutOfScope">Parsed <c>out-of-scope.yaml</c>, if present.</param>
/// <param name="Dialogs">Parsed <c>dialogs/*.yaml</c>, in file-name order.</param>
internal sealed record KnowledgeFiles(
    IReadOnlyList<ParsedFile<RegulationDto>> Regulations,
    IReadOnlyList<ParsedFile<TopicDto>> Topics,
    ParsedFile<SynonymsDto>? Synonyms,
    ParsedFile<OutOfScopeDto>? OutOfScope,
    IReadOnlyList<ParsedFile<DialogDto>> Dialogs);

/// <summary>
/// The checks that run once every file has been parsed and the model built, in order: each file against its
/// JSON Schema; phrasings shared by two topics (or a topic and an out-of-scope group); topics that predate a revision of a regulation they cite.
/// </summary>
/// <remarks>
/// The whole pipeline is <see cref="ContentLoader.Load"/>: reading (<see cref="ContentFileReader"/>: UTF-8, text,
/// size), anchors and aliases (<see cref="AnchorFinder"/>), syntax and duplicate keys (<see cref="YamlFileParser"/>,
/// <see cref="DuplicateKeyFinder"/>, <see cref="YamlSyntaxAdvice"/>), YAML files nothing reads (<see cref="UnreadFiles"/>), keys and types, the model and references (<c>KnowledgeChecker</c>), then
/// these. The <c>validate</c> command and the running bot both call it, so the bot refuses exactly what
/// <c>validate</c> reports as an error.
/// </remarks>
internal static class ContentValidator
{
    /// <summary>Adds the messages of the checks after parsing to <paramref name="messages"/>.</summary>
    /// <param name="files">The parsed files.</param>
    /// <param name="knowledge">The model, or null when the files could not be bound (cross-file checks are then skipped).</param>
    /// <param name="schemas">The content schemas.</param>
    /// <param name="messages">Messages so far; a file that already has an error is not checked against its schema (one message per defect).</param>
    public static void Run(KnowledgeFiles files, KnowledgeBase? knowledge, ContentSchemas schemas, List<ValidationMessage> messages)
    {
        var broken = messages.Where(m => m.Severity == Severity.Error).Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        CheckSchema(files.Regulations, schemas, ContentSchemas.RegulationFile, broken, messages);
        CheckSchema(files.Topics, schemas, ContentSchemas.TopicFile, broken, messages);
        if (files.Synonyms is not null)
        {
            CheckSchema([files.Synonyms], schemas, ContentSchemas.SynonymsFile, broken, messages);
        }

        if (files.OutOfScope is not null)
        {
            CheckSchema([files.OutOfScope], schemas, ContentSchemas.OutOfScopeFile, broken, messages);
        }

        CheckSchema(files.Dialogs, schemas, ContentSchemas.DialogFile, broken, messages);
        PhrasingCollisionCheck.Check(files.Topics, files.OutOfScope, files.Dialogs, messages);
        if (knowledge is not null)
        {
            RevisionAfterReviewCheck.Check(files.Topics, knowledge, messages);
        }
    }

    private static void CheckSchema<T>(IEnumerable<ParsedFile<T>> files, ContentSchemas schemas, string schemaName,
        HashSet<string> broken, List<ValidationMessage> messages)
        where T : class
    {
        if (schemas.Get(schemaName) is not { } schema)
        {
            return;
        }

        foreach (var file in files.Where(f => !broken.Contains(f.Path)))
        {
            SchemaCheck.Check(file, schema, schemaName, messages);
        }
    }
}
