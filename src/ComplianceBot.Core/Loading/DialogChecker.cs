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
internal sealed partial class DialogChecker
{
    private const int MinEnglishTriggers = 5;
    private const int MaxCombinations = 100_000;
    private const int MaxGapExamples = 3;

    private readonly List<ParsedFile<DialogDto>> _dialogs;
    private readonly IReadOnlyDictionary<string, Regulation> _regulations;
    private readonly IReadOnlySet<string> _uncheckableRegulations;
    private readonly IReadOnlySet<string> _topicIds;
    private readonly string _knowledgeFolder;

    /// <param name="dialogs">The parsed dialog files.</param>
    /// <param name="regulations">Regulations that loaded cleanly, by id (their articles are checked).</param>
    /// <param name="uncheckableRegulations">Regulation ids whose files exist but have errors of their own: cited without further checks.</param>
    /// <param name="topicIds">Ids of every topic file.</param>
    /// <param name="knowledgeFolder">The knowledge folder as shown in messages, with a final slash (<c>knowledge/</c>).</param>
    public DialogChecker(List<ParsedFile<DialogDto>> dialogs, IReadOnlyDictionary<string, Regulation> regulations,
        IReadOnlySet<string> uncheckableRegulations, IReadOnlySet<string> topicIds, string knowledgeFolder = "knowledge/")
    {
        _knowledgeFolder = knowledgeFolder;
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
    public static void CheckOffers(IEnumerable<ParsedFile<TopicDto>> topics, IReadOnlySet<string> dialogIds, List<ValidationMessage> messages,
        string dialogsFolder = "dialogs/")
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
                        $"offer '{offers[i]}' names no dialog in {dialogsFolder}"
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

        var dialog = new DialogDefinition(dto.Id!, dto.Version!.Value, title!, intro, triggers, slots, rules, List(dto.SituationCues));
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
