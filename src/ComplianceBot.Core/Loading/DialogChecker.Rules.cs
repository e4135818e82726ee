using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>The rule checks: rule ids used once, no rule after 'otherwise', conditions naming real slots and values, citations, related topics.</summary>
internal sealed partial class DialogChecker
{
    private List<DialogRule>? CheckRules(ParsedFile<DialogDto> file, List<DialogRuleDto> dtos, List<DialogSlot> slots, List<ValidationMessage> messages)
    {
        var rules = new List<DialogRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        string? otherwiseId = null;
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var at = $"/rules/{i}";
            var ruleOk = Unique(file, dto.Id!, at + "/id", "rule", ids, messages);
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

        return complete ? rules : null;
    }

    // The schema guarantees exactly one of when, when_any and otherwise: true.
    private static List<RuleClause>? CheckConditions(ParsedFile<DialogDto> file, DialogRuleDto dto, string at,
        List<DialogSlot> slots, List<ValidationMessage> messages)
    {
        if (dto.Otherwise == true)
        {
            return [new RuleClause([])];
        }

        if (dto.When is not null)
        {
            return CheckClause(file, dto.When, at + "/when", slots, messages) is { } clause ? [clause] : null;
        }

        var clauses = new List<RuleClause>();
        for (var k = 0; k < dto.WhenAny!.Count; k++)
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

            // One value id or a non-empty list of them (the schema's rule for a condition).
            var values = raw is List<object> many
                ? many.Select((v, k) => (Value: v as string ?? string.Empty, At: $"{slotAt}/{k}")).ToList()
                : [(Value: raw as string ?? string.Empty, At: slotAt)];
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

            result.Add(new(slotId, values.Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList()));
        }

        return ok ? new RuleClause(result.OrderBy(kv => slots.FindIndex(s => s.Id == kv.Key)).ToList()) : null;
    }

    private VerdictOutcome? CheckOutcome(ParsedFile<DialogDto> file, DialogRuleDto dto, string at, List<ValidationMessage> messages)
    {
        var ok = true;
        var citations = new List<Citation>();
        for (var i = 0; i < dto.Citations!.Count; i++)
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

        var related = dto.Related ?? [];
        for (var i = 0; i < related.Count; i++)
        {
            if (!_topicIds.Contains(related[i]))
            {
                var hint = YamlFileParser.DidYouMean(related[i], _topicIds);
                messages.Add(file.At($"{at}/related/{i}", Severity.Error,
                    $"related topic '{related[i]}' does not exist in {_layout.Topics}" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
                ok = false;
            }
        }

        return ok
            ? new VerdictOutcome(dto.Verdict!, KnowledgeChecker.Text(dto.Headline), KnowledgeChecker.Text(dto.Explanation), citations, List(dto.NextSteps), related)
            : null;
    }

    private Citation? CheckCitation(ParsedFile<DialogDto> file, CitationDto dto, string at, List<ValidationMessage> messages)
    {
        var articles = dto.Articles ?? [];
        if (_uncheckableRegulations.Contains(dto.Regulation!))
        {
            return new Citation(dto.Regulation!, articles, KnowledgeChecker.NullIfBlank(dto.Note)); // its own file has errors, reported there
        }

        if (!_regulations.TryGetValue(dto.Regulation!, out var regulation))
        {
            var hint = YamlFileParser.DidYouMean(dto.Regulation!, _regulations.Keys);
            messages.Add(file.At(at + "/regulation", Severity.Error,
                $"regulation '{dto.Regulation}' does not exist in {_layout.Regulations}" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
            return null;
        }

        return KnowledgeChecker.CheckArticles(file, regulation, dto, at, messages)
            ? new Citation(regulation.Id, articles, KnowledgeChecker.NullIfBlank(dto.Note))
            : null;
    }
}
