using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Checks parsed dialog files (required keys, ids, slots and choices, rule conditions naming real slots and values,
/// verdict ids, citations of existing regulations and articles, related topics, a decision for every combination
/// of answers) and builds the <see cref="DialogDefinition"/>s. Also checks that every topic <c>offers</c> entry names
/// a loaded dialog. Each problem is located at the key or value it concerns.
/// </summary>
internal sealed class DialogChecker
{
    private const int MinEnglishTriggers = 5;
    private const int MaxCombinations = 100_000;
    private const int MaxGapExamples = 3;

    private readonly List<ParsedFile<DialogDto>> _dialogs;
    private readonly IReadOnlyDictionary<string, Regulation> _regulations;
    private readonly IReadOnlySet<string> _uncheckableRegulations;
    private readonly IReadOnlySet<string> _topicIds;

    /// <param name="dialogs">The parsed dialog files.</param>
    /// <param name="regulations">Regulations that loaded cleanly, by id (their articles are checked).</param>
    /// <param name="uncheckableRegulations">Regulation ids whose files exist but have errors of their own: cited without further checks.</param>
    /// <param name="topicIds">Ids of every topic file.</param>
    public DialogChecker(List<ParsedFile<DialogDto>> dialogs, IReadOnlyDictionary<string, Regulation> regulations,
        IReadOnlySet<string> uncheckableRegulations, IReadOnlySet<string> topicIds)
    {
        _dialogs = dialogs;
        _regulations = regulations;
        _uncheckableRegulations = uncheckableRegulations;
        _topicIds = topicIds;
    }

    /// <summary>Adds every problem to <paramref name="messages"/>; returns the dialogs when every file could be built.</summary>
    public IReadOnlyList<DialogDefinition>? Check(List<ValidationMessage> messages)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var built = new List<DialogDefinition>();
        foreach (var file in _dialogs)
        {
            if (file.Dto is { } dto && CheckDialog(file, dto, seen, messages) is { } dialog)
            {
                built.Add(dialog);
            }
        }

        return built.Count == _dialogs.Count ? built : null;
    }

    /// <summary>
    /// Reports each topic <c>offers</c> entry whose dialog is not among <paramref name="dialogIds"/> (the dialog files
    /// found, including those with errors of their own).
    /// </summary>
    public static void CheckOffers(IEnumerable<ParsedFile<TopicDto>> topics, IReadOnlySet<string> dialogIds, List<ValidationMessage> messages)
    {
        foreach (var topic in topics)
        {
            var offers = topic.Dto?.Offers ?? [];
            for (var i = 0; i < offers.Count; i++)
            {
                if (!offers[i].StartsWith(DialogDefinition.TargetPrefix, StringComparison.Ordinal))
                {
                    continue; // reported by the knowledge checks
                }

                var id = offers[i][DialogDefinition.TargetPrefix.Length..];
                if (!dialogIds.Contains(id))
                {
                    var hint = YamlFileParser.DidYouMean(id, dialogIds);
                    messages.Add(topic.At($"/offers/{i}", Severity.Error,
                        $"offer '{offers[i]}' names no dialog in dialogs/"
                        + (hint is null ? $" (dialogs: {string.Join(", ", dialogIds.Order(StringComparer.Ordinal))})" : $"; did you mean 'dialog:{hint}'?")));
                }
            }
        }
    }

    private DialogDefinition? CheckDialog(ParsedFile<DialogDto> file, DialogDto dto, Dictionary<string, string> seen,
        List<ValidationMessage> messages)
    {
        var ok = KnowledgeChecker.CheckId(file, dto.Id, seen, "dialog", messages);
        ok &= KnowledgeChecker.CheckVersion(file, dto.Version, messages);
        var title = KnowledgeChecker.RequireText(file, dto.Title, "/title", messages);
        ok &= title is not null;
        var intro = string.IsNullOrWhiteSpace(dto.Intro?.En) ? null : KnowledgeChecker.RequireText(file, dto.Intro, "/intro", messages);

        var triggers = List(dto.Triggers);
        if (triggers.En.Count == 0)
        {
            messages.Add(KnowledgeChecker.Missing(file, "/triggers/en", "a list of questions that should start this dialog"));
            ok = false;
        }
        else if (triggers.En.Count < MinEnglishTriggers)
        {
            messages.Add(file.At("/triggers/en", Severity.Warning,
                $"only {triggers.En.Count} English triggers; give at least {MinEnglishTriggers} so the bot recognises when to start the check"));
        }

        var slots = CheckSlots(file, dto.Slots, messages, ref ok);
        var rules = slots is null ? null : CheckRules(file, dto.Rules, slots, messages, ref ok);
        if (!ok || slots is null || rules is null)
        {
            return null;
        }

        var dialog = new DialogDefinition(dto.Id!, dto.Version!.Value, title!, intro, triggers, slots, rules);
        return CheckDecisionTable(file, dialog, messages) ? dialog : null;
    }

    private static List<DialogSlot>? CheckSlots(ParsedFile<DialogDto> file, List<DialogSlotDto>? dtos,
        List<ValidationMessage> messages, ref bool ok)
    {
        if (dtos is not { Count: > 0 })
        {
            messages.Add(KnowledgeChecker.Missing(file, "/slots", "the list of facts to ask for (id, label, question, why, choices)"));
            return null;
        }

        var slots = new List<DialogSlot>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var at = $"/slots/{i}";
            if (!CheckLocalId(file, dto.Id, at + "/id", "slot", "location", ids, messages))
            {
                complete = false;
                continue;
            }

            var label = KnowledgeChecker.RequireText(file, dto.Label, at + "/label", messages);
            var question = KnowledgeChecker.RequireText(file, dto.Question, at + "/question", messages);
            var why = KnowledgeChecker.RequireText(file, dto.Why, at + "/why", messages);
            var choices = CheckChoices(file, dto.Choices, at, messages);
            if (label is null || question is null || why is null || choices is null)
            {
                complete = false;
                continue;
            }

            slots.Add(new DialogSlot(dto.Id!, label, question, why, choices));
        }

        ok &= complete;
        return complete ? slots : null;
    }

    private static List<SlotChoice>? CheckChoices(ParsedFile<DialogDto> file, List<SlotChoiceDto>? dtos, string slotAt,
        List<ValidationMessage> messages)
    {
        if (dtos is not { Count: >= 2 })
        {
            messages.Add(dtos is null
                ? KnowledgeChecker.Missing(file, slotAt + "/choices", "at least two choices (value, label, synonyms)")
                : file.At(slotAt + "/choices", Severity.Error, "a slot needs at least two choices"));
            return null;
        }

        var choices = new List<SlotChoice>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        var phraseOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        var complete = true;
        for (var j = 0; j < dtos.Count; j++)
        {
            var dto = dtos[j];
            var at = $"{slotAt}/choices/{j}";
            if (!CheckLocalId(file, dto.Value, at + "/value", "choice value", "mainland-china", values, messages))
            {
                complete = false;
                continue;
            }

            var label = KnowledgeChecker.RequireText(file, dto.Label, at + "/label", messages);
            if (label is null)
            {
                complete = false;
                continue;
            }

            var synonyms = List(dto.Synonyms);
            var answers = List(dto.Answers);
            WarnSharedPhrases(file, at, "synonyms", dto.Synonyms, dto.Value!, phraseOwner, messages);
            WarnSharedPhrases(file, at, "answers", dto.Answers, dto.Value!, phraseOwner, messages);
            choices.Add(new SlotChoice(dto.Value!, label, synonyms, answers));
        }

        return complete ? choices : null;
    }

    private static void WarnSharedPhrases(ParsedFile<DialogDto> file, string at, string key, PhrasingsDto? dto, string value,
        Dictionary<string, string> owner, List<ValidationMessage> messages)
    {
        foreach (var (language, list) in new[] { ("en", dto?.En), ("zh", dto?.Zh) })
        {
            for (var k = 0; k < (list?.Count ?? 0); k++)
            {
                var phrase = string.Join(' ', UtteranceTokens.Of(list![k]));
                if (phrase.Length == 0)
                {
                    continue;
                }

                if (owner.TryGetValue(phrase, out var other) && other != value)
                {
                    messages.Add(file.At($"{at}/{key}/{language}/{k}", Severity.Warning,
                        $"'{list[k]}' is also listed for choice '{other}'; an answer using it will be asked again"));
                }
                else
                {
                    owner[phrase] = value;
                }
            }
        }
    }

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
                    $"related topic '{related[i]}' does not exist in knowledge/topics/" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
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
                $"regulation '{dto.Regulation}' does not exist in knowledge/regulations/" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
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

    private static bool CheckLocalId(ParsedFile<DialogDto> file, string? id, string pointer, string kind, string example,
        HashSet<string> seen, List<ValidationMessage> messages)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            messages.Add(KnowledgeChecker.Missing(file, pointer, $"the {kind} id, e.g. {example}"));
            return false;
        }

        if (!KnowledgeChecker.IdPattern().IsMatch(id))
        {
            messages.Add(file.At(pointer, Severity.Error, $"{kind} '{id}' must be lowercase words joined by hyphens"));
            return false;
        }

        if (!seen.Add(id))
        {
            messages.Add(file.At(pointer, Severity.Error, $"{kind} '{id}' is defined twice"));
            return false;
        }

        return true;
    }

    private static LocalizedList List(PhrasingsDto? dto) =>
        new(KnowledgeChecker.Clean(dto?.En), KnowledgeChecker.Clean(dto?.Zh));
}
