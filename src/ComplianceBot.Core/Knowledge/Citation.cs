namespace ComplianceBot.Core.Knowledge;

/// <summary>A reference from a topic or verdict to a regulation entry and some of its articles.</summary>
/// <param name="RegulationId">Id of a <see cref="Regulation"/> in the knowledge base.</param>
/// <param name="Articles">Article numbers of that regulation; may be empty to cite the instrument as a whole.</param>
/// <param name="Note">Optional remark shown with the citation.</param>
public sealed record Citation(string RegulationId, IReadOnlyList<string> Articles, string? Note = null);
