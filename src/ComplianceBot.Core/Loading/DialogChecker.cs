using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Checks what the dialog schema cannot say about the dialog files that passed it (ids against file names and across
/// files, slot, value and rule ids used twice, rule conditions naming real slots and values, rules after the
/// 'otherwise' rule, citations of regulations and articles that exist, related topics, a decision for every
/// combination of answers) and builds the <see cref="DialogDefinition"/>s. Also checks that every topic <c>offers</c>
/// entry names a dialog. Each problem is located at the key or value it concerns.
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
    private readonly ContentLayout _layout;

    /// <param name="dialogs">The parsed dialog files.</param>
    /// <param name="regulations">Regulations that loaded cleanly, by id (their articles are checked).</param>
    /// <param name="uncheckableRegulations">Regulation ids whose files exist but have errors of their own: cited without further checks.</param>
    /// <param name="topicIds">Ids of every topic file.</param>
    /// <param name="layout">The content folders as messages show them.</param>
    public DialogChecker(List<ParsedFile<DialogDto>> dialogs, IReadOnlyDictionary<string, Regulation> regulations,
        IReadOnlySet<string> uncheckableRegulations, IReadOnlySet<string> topicIds, ContentLayout layout)
    {
        _layout = layout;
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
    public static void CheckOffers(IEnumerable<ParsedFile<TopicDto>> topics, IReadOnlySet<string> dialogIds, ContentLayout layout,
        List<ValidationMessage> messages)
    {
        foreach (var topic in topics)
        {
            var offers = topic.Dto?.Offers ?? [];
            for (var i = 0; i < offers.Count; i++)
            {
                var id = offers[i][DialogDefinition.TargetPrefix.Length..]; // the schema checked the form dialog:<id>
                if (!dialogIds.Contains(id))
                {
                    var hint = YamlFileParser.DidYouMean(id, dialogIds);
                    messages.Add(topic.At($"/offers/{i}", Severity.Error,
                        $"offer '{offers[i]}' names no dialog in {layout.DialogsFolder}"
                        + (hint is null ? $" (dialogs: {string.Join(", ", dialogIds.Order(StringComparer.Ordinal))})" : $"; did you mean 'dialog:{hint}'?")));
                }
            }
        }
    }

    private DialogDefinition? CheckDialog(ParsedFile<DialogDto> file, DialogDto dto, Dictionary<string, string> seen,
        List<ValidationMessage> messages)
    {
        var ok = KnowledgeChecker.CheckId(file, dto.Id!, seen, "dialog", messages);
        var title = KnowledgeChecker.Text(dto.Title);
        var intro = dto.Intro is null ? null : KnowledgeChecker.Text(dto.Intro);
        var triggers = List(dto.Triggers);
        if (triggers.En.Count < MinEnglishTriggers)
        {
            messages.Add(file.At("/triggers/en", Severity.Warning,
                $"only {triggers.En.Count} English triggers; give at least {MinEnglishTriggers} so the bot recognises when to start the check"));
        }

        var slots = CheckSlots(file, dto.Slots!, messages);
        var rules = slots is null ? null : CheckRules(file, dto.Rules!, slots, messages);
        if (!ok || slots is null || rules is null)
        {
            return null;
        }

        var situationSlots = dto.SituationSlots ?? [];
        for (var i = 0; i < situationSlots.Count; i++)
        {
            if (slots.All(s => s.Id != situationSlots[i]))
            {
                messages.Add(file.At($"/situation_slots/{i}", Severity.Error,
                    $"situation_slots names '{situationSlots[i]}', which is not a slot of this dialog ({string.Join(", ", slots.Select(s => s.Id))})"));
                return null;
            }
        }

        var dialog = new DialogDefinition(dto.Id!, dto.Version!.Value, title, intro, triggers, slots, rules, List(dto.SituationCues),
            List(dto.CheckRequests), situationSlots, dto.SituationOf switch
            {
                "person" => SituationOf.Person,
                "organisation" => SituationOf.Organisation,
                _ => SituationOf.Any,
            });
        return CheckDecisionTable(file, dialog, messages) ? dialog : null;
    }

    private static List<DialogSlot>? CheckSlots(ParsedFile<DialogDto> file, List<DialogSlotDto> dtos, List<ValidationMessage> messages)
    {
        var slots = new List<DialogSlot>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var at = $"/slots/{i}";
            var choices = CheckChoices(file, dto.Choices!, at, messages);
            if (!Unique(file, dto.Id!, at + "/id", "slot", ids, messages) || choices is null)
            {
                complete = false;
                continue;
            }

            slots.Add(new DialogSlot(dto.Id!, KnowledgeChecker.Text(dto.Label), KnowledgeChecker.Text(dto.Question), KnowledgeChecker.Text(dto.Why), choices)
            {
                HowToFindOut = dto.HowToFindOut is null ? null : KnowledgeChecker.Text(dto.HowToFindOut),
                Unsettled = List(dto.Unsettled),
            });
        }

        return complete ? slots : null;
    }

    private static List<SlotChoice>? CheckChoices(ParsedFile<DialogDto> file, List<SlotChoiceDto> dtos, string slotAt,
        List<ValidationMessage> messages)
    {
        var choices = new List<SlotChoice>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        var phraseOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        var complete = true;
        for (var j = 0; j < dtos.Count; j++)
        {
            var dto = dtos[j];
            var at = $"{slotAt}/choices/{j}";
            if (!Unique(file, dto.Value!, at + "/value", "choice value", values, messages))
            {
                complete = false;
                continue;
            }

            WarnSharedPhrases(file, at, "synonyms", dto.Synonyms, dto.Value!, phraseOwner, messages);
            WarnSharedPhrases(file, at, "answers", dto.Answers, dto.Value!, phraseOwner, messages);
            choices.Add(new SlotChoice(dto.Value!, KnowledgeChecker.Text(dto.Label), List(dto.Synonyms), List(dto.Answers)));
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

    // An id that must be unique within its dialog (the schema checks its form, not that it is used once).
    private static bool Unique(ParsedFile<DialogDto> file, string id, string pointer, string kind, HashSet<string> seen, List<ValidationMessage> messages)
    {
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
