using ComplianceBot.Core.Conversation.Scripts;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Holds each dialog's rules to the rows of its decision table in <c>dialogs/tests/</c> (the contract's tables,
/// docs/reply-format.md, "Decision dialogs", written as conversation scripts). Every verdict a script expects with its <c>facts</c> is
/// decided again by <see cref="RuleEvaluator"/>; a rule edit that now gives another verdict, or none, for a row is an
/// error at that rule, so <c>validate</c> and a hot reload refuse it (the last good content keeps serving) instead of
/// only the <c>test</c> command noticing. Changing a verdict on purpose means changing the row in the test too.
/// </summary>
internal static class ContractRowCheck
{
    /// <summary>The folder under <c>dialogs/</c> holding the decision-table scripts.</summary>
    public const string TestsFolder = "tests";

    /// <summary>
    /// Checks <paramref name="dialogs"/> (loaded without errors from <paramref name="dialogFiles"/>) against the
    /// scripts in <paramref name="dialogsRoot"/>/tests. A script file that cannot be read is a warning (its rows are
    /// not checked; <c>test</c> names its mistakes). Nothing happens when the folder does not exist.
    /// </summary>
    public static void Check(string dialogsRoot, IReadOnlyList<DialogDefinition> dialogs,
        IReadOnlyList<ParsedFile<DialogDto>> dialogFiles, List<ValidationMessage> messages)
    {
        var folder = Path.Combine(dialogsRoot, TestsFolder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var found = new List<Mismatch>();
        var byId = dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var fileOf = dialogFiles.ToDictionary(f => Path.GetFileNameWithoutExtension(f.Path), StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.*").Where(ContentLoader.IsYaml).Order(StringComparer.Ordinal))
        {
            var shown = $"{ContentLoader.DialogsFolder}/{TestsFolder}/{Path.GetFileName(path)}";
            var scripts = ScriptFile.Load(path, shown);
            if (scripts.HasErrors)
            {
                messages.Add(new ValidationMessage(shown, 1, 1, Severity.Warning,
                    "this decision-table test has mistakes (the test command names them), so its rows were not checked against the rules"));
                continue;
            }

            var fileDialog = Path.GetFileNameWithoutExtension(path);
            foreach (var script in scripts.Scripts)
            {
                var current = fileDialog;
                foreach (var step in script.Steps)
                {
                    if (step.Value is { } value && value.TryGetValue("start", out var started))
                    {
                        current = started;
                    }

                    foreach (var row in step.Expect ?? [])
                    {
                        current = row.Dialog ?? current;
                        if (row is { Type: "verdict", Verdict: { } expected, Facts: { } facts }
                            && byId.TryGetValue(current, out var dialog) && fileOf.TryGetValue(current, out var file))
                        {
                            if (CheckRow(dialog, file, facts, expected, $"{shown}:{step.Line} (\"{script.Name}\")") is { } mismatch)
                            {
                                found.Add(mismatch);
                            }
                        }
                    }
                }
            }
        }

        // One error per rule and expected verdict: a reversed rule usually fails its row answered by buttons and in words.
        foreach (var same in found.GroupBy(m => (m.File.Path, m.Pointer, m.Expected)))
        {
            var first = same.First();
            var more = same.Count() - 1;
            messages.Add(first.File.At(first.Pointer, Severity.Error, more == 0 ? first.Text : $"{first.Text} (and {more} more row(s) of that test)"));
        }
    }

    private static Mismatch? CheckRow(DialogDefinition dialog, ParsedFile<DialogDto> file, IReadOnlyDictionary<string, string> facts,
        string expected, string row)
    {
        var evaluation = RuleEvaluator.Evaluate(dialog, facts);
        var shownFacts = "{" + string.Join(", ", facts.OrderBy(f => dialog.SlotOrder(f.Key)).Select(f => $"{f.Key}: {f.Value}")) + "}";
        if (evaluation.DecidingRule is not { } rule)
        {
            return new Mismatch(file, "/rules", expected,
                $"no rule decides {shownFacts} any more, but the decision-table row at {row} expects '{expected}': "
                + "restore the rule, or if the contract changed, change that row too");
        }

        return rule.Outcome.Verdict == expected
            ? null
            : new Mismatch(file, $"/rules/{rule.Number - 1}", expected,
                $"rule '{rule.Id}' decides {shownFacts} as '{rule.Outcome.Verdict}', but the decision-table row at {row} "
                + $"expects '{expected}': change the rule back, or if the contract changed, change that row too");
    }

    private sealed record Mismatch(ParsedFile<DialogDto> File, string Pointer, string Expected, string Text);
}
