namespace ComplianceBot.Core.Knowledge;

/// <summary>
/// Everything the bot serves at one moment: the knowledge base and the version of the files it came from.
/// Immutable; a reload builds a new snapshot and swaps it in whole.
/// </summary>
/// <param name="Knowledge">Regulations, topics and synonyms.</param>
/// <param name="Version">Hash, load time and "as of" date of the content.</param>
public sealed record ContentSnapshot(KnowledgeBase Knowledge, ContentVersion Version);
