namespace ComplianceBot.Core.Dialogs;

/// <summary>The outcome of evaluating a dialog's rules against the facts known so far.</summary>
/// <param name="DecidingRule">The first rule that holds, or <see langword="null"/> when none decides yet.</param>
/// <param name="NeededSlot">
/// When no rule decides yet: the slot to ask next (the first, in file order, that the first undecided rule looks
/// at). <see langword="null"/> when a rule decided, or when no rule can ever decide (a gap in the table).
/// </param>
/// <param name="ReliedOn">
/// When a rule decided: the slots the verdict rests on, in slot order: those the deciding rule tested, and for each
/// earlier rule the fact that ruled it out.
/// </param>
public sealed record RuleEvaluation(DialogRule? DecidingRule, string? NeededSlot, IReadOnlyList<string> ReliedOn)
{
    /// <summary>True when a rule decided.</summary>
    public bool IsDecided => DecidingRule is not null;
}

/// <summary>
/// Evaluates a decision table top to bottom with three-valued logic (holds / fails / unknown while a fact is
/// missing), so a dialog asks only for what the next rule needs and stops as soon as a rule decides.
/// </summary>
public static class RuleEvaluator
{
    private enum Truth
    {
        False,
        Unknown,
        True,
    }

    /// <summary>Evaluates <paramref name="dialog"/>'s rules against <paramref name="facts"/> (slot id to value id).</summary>
    public static RuleEvaluation Evaluate(DialogDefinition dialog, IReadOnlyDictionary<string, string> facts)
    {
        var reliedOn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in dialog.Rules)
        {
            var ruleTruth = Truth.False;
            RuleClause? holding = null;
            foreach (var clause in rule.AnyOf)
            {
                var truth = Test(clause, facts);
                if (truth == Truth.True)
                {
                    (ruleTruth, holding) = (Truth.True, clause);
                    break;
                }

                if (truth == Truth.Unknown)
                {
                    ruleTruth = Truth.Unknown;
                }
            }

            switch (ruleTruth)
            {
                case Truth.True:
                    reliedOn.UnionWith(holding!.Conditions.Select(c => c.Key));
                    return new RuleEvaluation(rule, null, reliedOn.OrderBy(dialog.SlotOrder).ToList());
                case Truth.Unknown:
                    return new RuleEvaluation(null, NextSlot(dialog, rule, facts), []);
                default:
                    foreach (var clause in rule.AnyOf)
                    {
                        // The first failing fact of each clause is what ruled this rule out.
                        var failing = clause.Conditions
                            .Where(c => facts.TryGetValue(c.Key, out var value) && !c.Value.Contains(value, StringComparer.Ordinal))
                            .Select(c => c.Key)
                            .OrderBy(dialog.SlotOrder)
                            .First();
                        reliedOn.Add(failing);
                    }

                    break;
            }
        }

        return new RuleEvaluation(null, null, []);
    }

    private static Truth Test(RuleClause clause, IReadOnlyDictionary<string, string> facts)
    {
        var result = Truth.True;
        foreach (var (slot, values) in clause.Conditions)
        {
            if (!facts.TryGetValue(slot, out var value))
            {
                result = Truth.Unknown;
            }
            else if (!values.Contains(value, StringComparer.Ordinal))
            {
                return Truth.False;
            }
        }

        return result;
    }

    private static string NextSlot(DialogDefinition dialog, DialogRule rule, IReadOnlyDictionary<string, string> facts) =>
        rule.AnyOf
            .Where(clause => Test(clause, facts) == Truth.Unknown)
            .SelectMany(clause => clause.Conditions.Select(c => c.Key))
            .Where(slot => !facts.ContainsKey(slot))
            .OrderBy(dialog.SlotOrder)
            .First();
}
