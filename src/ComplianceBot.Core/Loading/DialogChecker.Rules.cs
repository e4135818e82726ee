using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>The rule checks: conditions naming real slots and values, verdicts, citations, next steps, related topics.</summary>
internal sealed partial class DialogChecker
{
    private List<DialogRule>? CheckRules(ParsedFile<DialogDto> file, List<DialogRuleDto>? dtos, List<DialogSlot> slots,
        List<ValidationMessage> messages, ref bool ok)
    {
        if (dtos is not { Count: > 0 })
        {
            messages.Add(KnowledgeChecker.Missing(file, "/rules", "the ordered decision rules (when ..., verdict ...)"));
            ok = false;
            return null;
        }

        var rules = new List<DialogRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        string? otherwiseId = null;
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var at = $"/rules/{i}";
            var ruleOk = CheckLocalId(file, dto.Id, at + "/id", "rule", "charged-access", ids, messages);
            if (otherwiseId is not null)
            {
                messages.Add(file.At(at, Severity.Error,
                    $"this rule can never decide: it comes after the 'otherwise' rule '{otherwiseId}'; move it above, or remove it"));
                ruleOk = false;
            }

            var clauses = CheckConditions(file, dto, at, slots, messages);
            var outcome = CheckOutcome(file, dto, at, messages);
            if (clauses is null || outcome is null || !ruleOk)
            {
                complete = false;
                continue;
            }

            var rule = new DialogRule(dto.Id!, i + 1, clauses, outcome);
            if (rule.IsOtherwise)
            {
                otherwiseId = rule.Id;
            }

            rules.Add(rule);
        }

        ok &= complete;
        return complete ? rules : null;
    }

    private static List<RuleClause>? CheckConditions(ParsedFile<DialogDto> file, DialogRuleDto dto, string at,
        List<DialogSlot> slots, List<ValidationMessage> messages)
    {
        var forms = (dto.When is not null ? 1 : 0) + (dto.WhenAny is not null ? 1 : 0) + (dto.Otherwise == true ? 1 : 0);
        if (forms != 1)
        {
            messages.Add(forms == 0
                ? file.At(at, Severity.Error, "a rule needs its condition: 'when:' (all must hold), 'when_any:' (a list; one must hold) or 'otherwise: true'")
                : file.At(at, Severity.Error, "give only one of 'when:', 'when_any:' and 'otherwise: true' in a rule"));
            return null;
        }

        if (dto.Otherwise == true)
        {
            return [new RuleClause([])];
        }

        if (dto.When is not null)
        {
            return CheckClause(file, dto.When, at + "/when", slots, messages) is { } clause ? [clause] : null;
        }

        if (dto.WhenAny!.Count == 0)
        {
            messages.Add(file.At(at + "/when_any", Severity.Error, "'when_any' is empty; list at least one condition mapping"));
            return null;
        }

        var clauses = new List<RuleClause>();
        for (var k = 0; k < dto.WhenAny.Count; k++)
        {
            if (CheckClause(file, dto.WhenAny[k], $"{at}/when_any/{k}", slots, messages) is { } clause)
            {
                clauses.Add(clause);
            }
        }

        return clauses.Count == dto.WhenAny.Count ? clauses : null;
    }

    private static RuleClause? CheckClause(ParsedFile<DialogDto> file, Dictionary<string, object> conditions, string at,
        List<DialogSlot> slots, List<ValidationMessage> messages)
    {
        if (conditions.Count == 0)
        {
            messages.Add(file.At(at, Severity.Error, "the condition is empty; write 'slot: value' or 'slot: [value, value]'"));
            return null;
        }

        var result = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        var ok = true;
        foreach (var (slotId, raw) in conditions)
        {
            var slotAt = $"{at}/{slotId}";
            if (slots.FirstOrDefault(s => s.Id == slotId) is not { } slot)
            {
                var hint = YamlFileParser.DidYouMean(slotId, slots.Select(s => s.Id));
                messages.Add(file.AtKey(slotAt, Severity.Error, $"unknown slot '{slotId}' in rule condition"
                    + (hint is null ? $" (slots: {string.Join(", ", slots.Select(s => s.Id))})" : $"; did you mean '{hint}'?")));
                ok = false;
                continue;
            }

            var values = raw switch
            {
                string one when !string.IsNullOrWhiteSpace(one) => [(one, slotAt)],
                List<object> many when many.Count > 0 => many.Select((v, k) => (v as string ?? string.Empty, $"{slotAt}/{k}")).ToList(),
                _ => null,
            };
            if (values is null)
            {
                messages.Add(file.At(slotAt, Severity.Error,
                    $"'{slotId}' must be a value id or a list of value ids (choices: {string.Join(", ", slot.Choices.Select(c => c.Value))})"));
                ok = false;
                continue;
            }

            foreach (var (value, valueAt) in values)
            {
                if (slot.FindChoice(value) is null)
                {
                    var hint = YamlFileParser.DidYouMean(value, slot.Choices.Select(c => c.Value));
                    messages.Add(file.At(valueAt, Severity.Error, $"'{value}' is not a choice of slot '{slotId}'"
                        + (hint is null ? $" (choices: {string.Join(", ", slot.Choices.Select(c => c.Value))})" : $"; did you mean '{hint}'?")));
                    ok = false;
                }
            }

            result.Add(new(slotId, values.Select(v => v.Item1).Distinct(StringComparer.Ordinal).ToList()));
        }

        return ok ? new RuleClause(result.OrderBy(kv => slots.FindIndex(s => s.Id == kv.Key)).ToList()) : null;
    }

    private VerdictOutcome? CheckOutcome(ParsedFile<DialogDto> file, DialogRuleDto dto, string at, List<ValidationMessage> messages)
    {
        var ok = true;
        if (string.IsNullOrWhiteSpace(dto.Verdict))
        {
            messages.Add(KnowledgeChecker.Missing(file, at + "/verdict", string.Join(", ", Verdicts.All)));
            ok = false;
        }
        else if (!Verdicts.All.Contains(dto.Verdict))
        {
            var hint = YamlFileParser.DidYouMean(dto.Verdict, Verdicts.All);
            messages.Add(file.At(at + "/verdict", Severity.Error, $"unknown verdict '{dto.Verdict}'"
                + (hint is null ? $"; use one of {string.Join(", ", Verdicts.All)}" : $"; did you mean '{hint}'?")));
            ok = false;
        }

        var headline = KnowledgeChecker.RequireText(file, dto.Headline, at + "/headline", messages);
        var explanation = KnowledgeChecker.RequireText(file, dto.Explanation, at + "/explanation", messages);
        ok &= headline is not null && explanation is not null;

        var citations = new List<Citation>();
        if (dto.Citations is not { Count: > 0 })
        {
            messages.Add(KnowledgeChecker.Missing(file, at + "/citations",
                "at least one citation (regulation id and articles) for the verdict"));
            ok = false;
        }
        else
        {
            for (var i = 0; i < dto.Citations.Count; i++)
            {
                if (CheckCitation(file, dto.Citations[i], $"{at}/citations/{i}", messages) is { } citation)
                {
                    citations.Add(citation);
                }
                else
                {
                    ok = false;
                }
            }
        }

        var nextSteps = List(dto.NextSteps);
        if (nextSteps.En.Count == 0)
        {
            messages.Add(KnowledgeChecker.Missing(file, at + "/next_steps/en", "what the person should do next (a list)"));
            ok = false;
        }

        var related = dto.Related ?? [];
        for (var i = 0; i < related.Count; i++)
        {
            if (!_topicIds.Contains(related[i]))
            {
                var hint = YamlFileParser.DidYouMean(related[i], _topicIds);
                messages.Add(file.At($"{at}/related/{i}", Severity.Error,
                    $"related topic '{related[i]}' does not exist in {_knowledgeFolder}{ContentLoader.TopicsFolder}/" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
                ok = false;
            }
        }

        return ok ? new VerdictOutcome(dto.Verdict!, headline!, explanation!, citations, nextSteps, related) : null;
    }

    private Citation? CheckCitation(ParsedFile<DialogDto> file, CitationDto dto, string at, List<ValidationMessage> messages)
    {
        if (string.IsNullOrWhiteSpace(dto.Regulation))
        {
            messages.Add(KnowledgeChecker.Missing(file, at + "/regulation", "the id of a regulation entry"));
            return null;
        }

        var articles = dto.Articles ?? [];
        if (_uncheckableRegulations.Contains(dto.Regulation))
        {
            return new Citation(dto.Regulation, articles, KnowledgeChecker.NullIfBlank(dto.Note)); // its own file has errors, reported there
        }

        if (!_regulations.TryGetValue(dto.Regulation, out var regulation))
        {
            var hint = YamlFileParser.DidYouMean(dto.Regulation, _regulations.Keys);
            messages.Add(file.At(at + "/regulation", Severity.Error,
                $"regulation '{dto.Regulation}' does not exist in {_knowledgeFolder}{ContentLoader.RegulationsFolder}/" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
            return null;
        }

        var ok = true;
        for (var i = 0; i < articles.Count; i++)
        {
            if (regulation.FindArticle(articles[i]) is null)
            {
                messages.Add(file.At($"{at}/articles/{i}", Severity.Error,
                    $"article '{articles[i]}' is not listed in regulation '{regulation.Id}' (listed: {string.Join(", ", regulation.Articles.Select(a => a.Number))})"));
                ok = false;
            }
        }

        return ok ? new Citation(regulation.Id, articles, KnowledgeChecker.NullIfBlank(dto.Note)) : null;
    }
}
