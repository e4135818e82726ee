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
/// The checks across files that run once every file has been checked against its schema and the model built:
/// phrasings shared by two owners (topics, out-of-scope groups, dialog triggers), and topics that predate a revision
/// of a regulation they cite.
/// </summary>
/// <remarks>
/// The whole pipeline is <see cref="ContentLoader.Load"/>: reading (<see cref="ContentFileReader"/>: UTF-8, text,
/// size); anchors, duplicate keys and syntax (<see cref="YamlFileParser"/>, <see cref="AnchorFinder"/>,
/// <see cref="DuplicateKeyFinder"/>, <see cref="YamlSyntaxAdvice"/>); each file against its JSON Schema, which owns
/// its shape (<see cref="SchemaCheck"/>), then binding; YAML files nothing reads (<see cref="UnreadFiles"/>); what the
/// schemas cannot say, ids, references and decision tables (<c>KnowledgeChecker</c>, <c>DialogChecker</c>); then
/// these. The <c>validate</c> command and the running bot both call it, so the bot refuses exactly what
/// <c>validate</c> reports as an error.
/// </remarks>
internal static class ContentValidator
{
    /// <summary>Adds the messages of the checks across files to <paramref name="messages"/>.</summary>
    /// <param name="files">The parsed files (only those bound to their data classes are looked at).</param>
    /// <param name="knowledge">The model, or null when it could not be built (the review-date check is then skipped).</param>
    /// <param name="messages">Where the messages go.</param>
    /// <param name="deferPhrasingCheck">
    /// When given, the phrasing-collision check (warnings only) is not run: this receives what it compares and the
    /// place in <paramref name="messages"/> where its warnings belong.
    /// </param>
    public static void Run(KnowledgeFiles files, KnowledgeBase? knowledge, List<ValidationMessage> messages,
        Action<PhrasingCollisionCheck.Phrasings, int>? deferPhrasingCheck = null)
    {
        var phrasings = PhrasingCollisionCheck.Collect(files.Topics, files.OutOfScope, files.Dialogs);
        if (deferPhrasingCheck is null)
        {
            messages.AddRange(PhrasingCollisionCheck.Warnings(phrasings));
        }
        else
        {
            deferPhrasingCheck(phrasings, messages.Count);
        }

        PlaceholderContactCheck.Check(files.OutOfScope, files.Topics, messages);
        if (knowledge is not null)
        {
            RevisionAfterReviewCheck.Check(files.Topics, knowledge, messages);
        }
    }
}
