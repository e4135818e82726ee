using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Knowledge;

/// <summary>Words and phrases the matcher treats as one (file <c>knowledge/synonyms.yaml</c>).</summary>
/// <param name="Id">Group id, e.g. <c>circumvent</c>.</param>
/// <param name="Terms">The group's terms per language; a term may be several words.</param>
public sealed record SynonymGroup(string Id, IReadOnlyDictionary<Language, IReadOnlyList<string>> Terms);
