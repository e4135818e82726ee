using System.Collections.Immutable;
using ComplianceBot.Core.Knowledge;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// One condition clause of a rule: every slot listed must hold one of its listed values (AND over slots, OR over
/// the values of one slot). An empty clause always holds (the <c>otherwise</c> rule).
/// </summary>
/// <param name="Conditions">Slot id to the accepted value ids, in the dialog's slot order.</param>
public sealed record RuleClause(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Conditions);

/// <summary>What a rule concludes when it decides: the verdict and how it is explained to the reader.</summary>
/// <param name="Verdict">One of <see cref="Verdicts.All"/>.</param>
/// <param name="Headline">The verdict in one line.</param>
/// <param name="Explanation">Why the rule concludes this, with the regulations in words.</param>
/// <param name="Citations">The regulations (and articles) relied on; at least one. Source: <c>knowledge/regulations/</c>.</param>
/// <param name="NextSteps">What the person should do next, in order.</param>
/// <param name="Related">Ids of FAQ topics offered as buttons with the verdict.</param>
public sealed record VerdictOutcome(
    string Verdict,
    LocalizedText Headline,
    LocalizedText Explanation,
    IReadOnlyList<Citation> Citations,
    LocalizedList NextSteps,
    IReadOnlyList<string> Related);

/// <summary>
/// One row of a decision table: if any of its clauses holds, the rule decides (rules are tried top to bottom; the
/// first that holds wins).
/// </summary>
/// <param name="Id">Rule id, unique within the dialog, e.g. <c>charged-access</c>.</param>
/// <param name="Number">1-based position in the dialog's rule list (the contract table's row number).</param>
/// <param name="AnyOf">The clauses; the rule holds when any one holds. One empty clause for <c>otherwise</c>.</param>
/// <param name="Outcome">The verdict given when this rule decides.</param>
public sealed record DialogRule(string Id, int Number, IReadOnlyList<RuleClause> AnyOf, VerdictOutcome Outcome)
{
    /// <summary>True for the catch-all <c>otherwise</c> rule.</summary>
    public bool IsOtherwise => AnyOf.Count == 1 && AnyOf[0].Conditions.Count == 0;

    /// <summary>The slot ids this rule looks at, without duplicates.</summary>
    public IReadOnlySet<string> Slots { get; } = AnyOf.SelectMany(c => c.Conditions.Select(kv => kv.Key)).ToImmutableHashSet(StringComparer.Ordinal);
}
