using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Places;

namespace ComplianceBot.Core.Knowledge;

/// <summary>
/// Everything the bot serves at one moment: the knowledge base, the decision dialogs, the place gazetteer and the version of the files
/// they came from. Immutable; a reload builds a new snapshot and swaps it in whole.
/// </summary>
/// <param name="Knowledge">Regulations, topics and synonyms.</param>
/// <param name="Version">Hash, load time and "as of" date of the content.</param>
public sealed record ContentSnapshot(KnowledgeBase Knowledge, ContentVersion Version)
{
    /// <summary>The decision dialogs (<c>dialogs/*.yaml</c>), in file-name order; empty when there are none.</summary>
    public IReadOnlyList<DialogDefinition> Dialogs { get; init; } = [];

    /// <summary>The follow-ups and correction cues of <c>knowledge/follow-ups.yaml</c>; <see cref="FollowUps.None"/> without that file.</summary>
    public FollowUps FollowUps { get; init; } = FollowUps.None;

    /// <summary>The place gazetteer (<c>knowledge/places.yaml</c>); <see cref="Gazetteer.Empty"/> for content built in code.</summary>
    public Gazetteer Places { get; init; } = Gazetteer.Empty;

    /// <summary>The dialog with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public DialogDefinition? FindDialog(string? id) => Dialogs.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
}
