using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>The decision-table check: every combination of answers gets a verdict, every rule can decide.</summary>
internal sealed partial class DialogChecker
{
    /// <summary>
    /// Tries every combination of answers: each must be decided by some rule (else the dialog could end without a
    /// verdict: an error), and each rule should decide at least one combination (else it is dead: a warning).
    /// </summary>
    private static bool CheckDecisionTable(ParsedFile<DialogDto> file, DialogDefinition dialog, List<ValidationMessage> messages)
    {
        var combinations = dialog.Slots.Aggregate(1L, (n, s) => n * s.Choices.Count);
        if (combinations > MaxCombinations)
        {
            messages.Add(file.At("/slots", Severity.Info,
                $"{combinations} combinations of answers: too many to check that every one gets a verdict"));
            return true;
        }

        var deciding = new HashSet<string>(StringComparer.Ordinal);
        var gaps = new List<string>();
        var gapCount = 0;
        foreach (var facts in Combinations(dialog.Slots))
        {
            var evaluation = RuleEvaluator.Evaluate(dialog, facts);
            if (evaluation.DecidingRule is { } rule)
            {
                deciding.Add(rule.Id);
            }
            else if (++gapCount <= MaxGapExamples)
            {
                gaps.Add(string.Join(", ", dialog.Slots.Select(s => $"{s.Id}={facts[s.Id]}")));
            }
        }

        foreach (var rule in dialog.Rules.Where(r => !deciding.Contains(r.Id)))
        {
            messages.Add(file.At($"/rules/{rule.Number - 1}", Severity.Warning,
                $"rule '{rule.Id}' never decides: the rules above it already decide every case it covers"));
        }

        var unused = dialog.Slots.Where(s => !dialog.Rules.Any(r => r.Slots.Contains(s.Id))).ToList();
        foreach (var slot in unused)
        {
            messages.Add(file.At($"/slots/{dialog.SlotOrder(slot.Id)}", Severity.Warning,
                $"slot '{slot.Id}' is never asked: no rule looks at it"));
        }

        if (gapCount == 0)
        {
            return true;
        }

        messages.Add(file.At("/rules", Severity.Error,
            $"no rule decides {gapCount} combination(s) of answers, e.g. {string.Join("; ", gaps)}: "
            + "add a rule for them or end with an 'otherwise: true' rule"));
        return false;
    }

    private static IEnumerable<Dictionary<string, string>> Combinations(IReadOnlyList<DialogSlot> slots)
    {
        var indexes = new int[slots.Count];
        while (true)
        {
            yield return slots.Select((s, i) => (s.Id, s.Choices[indexes[i]].Value)).ToDictionary(p => p.Id, p => p.Value, StringComparer.Ordinal);
            var position = slots.Count - 1;
            while (position >= 0 && ++indexes[position] == slots[position].Choices.Count)
            {
                indexes[position] = 0;
                position--;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }
}
