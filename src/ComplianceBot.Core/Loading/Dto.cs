namespace ComplianceBot.Core.Loading;

// Binding targets of the knowledge files (snake_case keys). Their shape is defined by knowledge/schema/*.schema.json:
// a file is bound only after it passed its schema, and a key the schema allows but a class here lacks is an error at
// binding. Optional keys are nullable; the model types in Knowledge/ are built from these by KnowledgeChecker.

internal sealed class LocalizedTextDto
{
    public string? En { get; set; }
    public string? Zh { get; set; }
}

internal sealed class ArticleDto
{
    public string? Number { get; set; }
    public string? Summary { get; set; }
    public bool? Verified { get; set; }
    public string? Note { get; set; }
}

internal sealed class DatesDto
{
    public string? Adopted { get; set; }
    public List<string>? Revised { get; set; }
    public string? InForce { get; set; }
}

internal sealed class RegulationDto
{
    public string? Id { get; set; }
    public int? Version { get; set; }
    public LocalizedTextDto? Name { get; set; }
    public LocalizedTextDto? ShortName { get; set; }
    public LocalizedTextDto? Issuer { get; set; }
    public string? DocumentNumber { get; set; }
    public DatesDto? Dates { get; set; }
    public string? Verification { get; set; }
    public string? VerificationNote { get; set; }
    public List<string>? Sources { get; set; }
    public List<ArticleDto>? Articles { get; set; }
}

internal sealed class CitationDto
{
    public string? Regulation { get; set; }
    public List<string>? Articles { get; set; }
    public string? Note { get; set; }
}

// An English and a Chinese list of strings: phrasings, triggers, synonyms, cues, answers, and the names of a place.
internal sealed class PhrasingsDto
{
    public List<string>? En { get; set; }
    public List<string>? Zh { get; set; }
}

internal sealed class TopicDto
{
    public string? Id { get; set; }
    public int? Version { get; set; }
    public LocalizedTextDto? Title { get; set; }
    public List<string>? Audience { get; set; }
    public LocalizedTextDto? Answer { get; set; }
    public PhrasingsDto? Phrasings { get; set; }
    public List<CitationDto>? Citations { get; set; }
    public List<string>? Related { get; set; }
    public List<string>? Offers { get; set; }
    public bool? Featured { get; set; }
    public string? LastReviewed { get; set; }
    public string? ReviewBy { get; set; }
}

internal sealed class SynonymGroupDto
{
    public string? Id { get; set; }
    public PhrasingsDto? Terms { get; set; }
}

internal sealed class SynonymsDto
{
    public int? Version { get; set; }
    public List<SynonymGroupDto>? Groups { get; set; }
}

internal sealed class OutOfScopeGroupDto
{
    public string? Id { get; set; }
    public LocalizedTextDto? Reply { get; set; }
    public LocalizedTextDto? Contact { get; set; }
    public PhrasingsDto? Phrasings { get; set; }
}

internal sealed class OutOfScopeDto
{
    public int? Version { get; set; }
    public List<OutOfScopeGroupDto>? Groups { get; set; }
}

internal sealed class FollowUpsDto
{
    public int? Version { get; set; }
    public List<FollowUpDto>? FollowUps { get; set; }
    public PhrasingsDto? CorrectionCues { get; set; }
}

internal sealed class FollowUpDto
{
    public string? Id { get; set; }
    public PhrasingsDto? Asks { get; set; }
    public Dictionary<string, string>? From { get; set; }
}

internal sealed class PlaceDto
{
    public string? Id { get; set; }
    public string? Jurisdiction { get; set; }
    public PhrasingsDto? Names { get; set; }
    public PhrasingsDto? Abbreviations { get; set; }
    public PhrasingsDto? Cities { get; set; }
    public List<string>? NotWithin { get; set; }
}

internal sealed class JurisdictionTopicDto
{
    public string? Id { get; set; }
    public string? Topic { get; set; }
}

internal sealed class PlaceSlotDto
{
    public string? Dialog { get; set; }
    public string? Slot { get; set; }
    public Dictionary<string, string>? Values { get; set; }
}

internal sealed class PlacesDto
{
    public int? Version { get; set; }
    public List<JurisdictionTopicDto>? Jurisdictions { get; set; }
    public List<PlaceSlotDto>? PlaceSlots { get; set; }
    public List<PlaceDto>? Places { get; set; }
}
