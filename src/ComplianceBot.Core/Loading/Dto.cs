namespace ComplianceBot.Core.Loading;

// Shapes of the YAML files as written by authors (snake_case keys). Every property is nullable so that a
// missing key becomes a precise "missing required key" message instead of a deserializer exception.
// The model types in Knowledge/ are built from these once the files have been checked.

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
    public PhrasingsDto? Phrasings { get; set; }
}

internal sealed class OutOfScopeDto
{
    public int? Version { get; set; }
    public List<OutOfScopeGroupDto>? Groups { get; set; }
}
