namespace ComplianceBot.Core.Loading;

// Binding target of dialogs/<id>.yaml (snake_case keys). Its shape is defined by dialogs/schema/dialog.schema.json:
// a file is bound only after it passed the schema. The model in Dialogs/ is built from these by DialogChecker.

internal sealed class DialogDto
{
    public string? Id { get; set; }
    public int? Version { get; set; }
    public LocalizedTextDto? Title { get; set; }
    public LocalizedTextDto? Intro { get; set; }
    public PhrasingsDto? Triggers { get; set; }
    public PhrasingsDto? SituationCues { get; set; }
    public PhrasingsDto? CheckRequests { get; set; }
    public List<string>? SituationSlots { get; set; }
    public string? SituationOf { get; set; }
    public List<DialogSlotDto>? Slots { get; set; }
    public List<DialogRuleDto>? Rules { get; set; }
}

internal sealed class DialogSlotDto
{
    public string? Id { get; set; }
    public LocalizedTextDto? Label { get; set; }
    public LocalizedTextDto? Question { get; set; }
    public LocalizedTextDto? Why { get; set; }
    public LocalizedTextDto? HowToFindOut { get; set; }
    public PhrasingsDto? Unsettled { get; set; }
    public List<SlotChoiceDto>? Choices { get; set; }
}

internal sealed class SlotChoiceDto
{
    public string? Value { get; set; }
    public LocalizedTextDto? Label { get; set; }
    public PhrasingsDto? Synonyms { get; set; }
    public PhrasingsDto? Answers { get; set; }
}

internal sealed class DialogRuleDto
{
    public string? Id { get; set; }

    // slot id -> one value id, or a list of value ids (read from the YAML node by DialogChecker).
    public Dictionary<string, object>? When { get; set; }
    public List<Dictionary<string, object>>? WhenAny { get; set; }
    public bool? Otherwise { get; set; }
    public string? Verdict { get; set; }
    public LocalizedTextDto? Headline { get; set; }
    public LocalizedTextDto? Explanation { get; set; }
    public List<CitationDto>? Citations { get; set; }
    public PhrasingsDto? NextSteps { get; set; }
    public List<string>? Related { get; set; }
}
