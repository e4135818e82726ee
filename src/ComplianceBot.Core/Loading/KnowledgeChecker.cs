using System.Globalization;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Text;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Checks what the JSON Schemas cannot say about the knowledge files that passed them (ids against file names and
/// across files, article numbers listed twice, citations of regulations and articles that exist, related topics,
/// review dates; warnings for short titles, few phrasings and shared synonym terms) and builds the model. Each
/// problem is located at the key or value it concerns.
/// </summary>
internal sealed class KnowledgeChecker
{
    private const int MaxTitleLength = 40;
    private const int MinEnglishPhrasings = 6;

    private readonly List<ParsedFile<RegulationDto>> _regulations;
    private readonly List<ParsedFile<TopicDto>> _topics;
    private readonly ParsedFile<SynonymsDto>? _synonyms;
    private readonly ParsedFile<OutOfScopeDto>? _outOfScope;
    private readonly ContentLayout _layout;
    private readonly DateOnly _today;

    public KnowledgeChecker(List<ParsedFile<RegulationDto>> regulations, List<ParsedFile<TopicDto>> topics,
        ParsedFile<SynonymsDto>? synonyms, ParsedFile<OutOfScopeDto>? outOfScope, ContentLayout layout, DateOnly today)
    {
        _outOfScope = outOfScope;
        _regulations = regulations;
        _topics = topics;
        _synonyms = synonyms;
        _layout = layout;
        _today = today;
    }

    /// <summary>Adds every problem to <paramref name="messages"/>; returns the model when every file passed its schema and these checks.</summary>
    public KnowledgeBase? Check(List<ValidationMessage> messages)
    {
        var regulations = new List<Regulation>();
        var regulationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in _regulations)
        {
            if (file.Dto is { } dto && CheckRegulation(file, dto, regulationIds, messages) is { } regulation)
            {
                regulations.Add(regulation);
            }
        }

        var byId = regulations.ToDictionary(r => r.Id, StringComparer.Ordinal);
        // Files that failed on their own still count as existing, so one broken file gives one error, not a cascade.
        var brokenRegulations = _regulations.Where(f => !byId.ContainsKey(FileId(f))).Select(FileId).ToHashSet(StringComparer.Ordinal);
        var topicIds = _topics.Select(FileId).ToHashSet(StringComparer.Ordinal);
        var topics = new List<Topic>();
        var seenTopics = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenTitles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in _topics)
        {
            if (file.Dto is { } dto && CheckTopic(file, dto, byId, brokenRegulations, topicIds, seenTopics, messages) is { } topic
                && CheckTitleUnique(file, topic, seenTitles, messages))
            {
                topics.Add(topic);
            }
        }

        var synonyms = _synonyms?.Dto is { } synonymsDto ? CheckSynonyms(_synonyms, synonymsDto, messages) : [];
        var outOfScope = _outOfScope?.Dto is { } outOfScopeDto ? CheckOutOfScope(_outOfScope, outOfScopeDto, messages) : null;
        var bound = _regulations.All(f => f.Dto is not null) && _topics.All(f => f.Dto is not null)
            && (_synonyms is null || _synonyms.Dto is not null) && (_outOfScope is null || outOfScope is not null);
        return bound && topics.Count == _topics.Count && regulations.Count == _regulations.Count
            ? new KnowledgeBase(regulations, topics, synonyms ?? [], outOfScope ?? [])
            : null;
    }

    private static Regulation? CheckRegulation(ParsedFile<RegulationDto> file, RegulationDto dto,
        Dictionary<string, string> seen, List<ValidationMessage> messages)
    {
        var ok = CheckId(file, dto.Id!, seen, "regulation", messages);
        if (dto.Verification != "verified")
        {
            messages.Add(file.At("/verification", Severity.Info,
                $"regulation '{dto.Id}' is {dto.Verification}: replies citing it tell readers to check with compliance"
                + (string.IsNullOrWhiteSpace(dto.VerificationNote) ? string.Empty : $" ({dto.VerificationNote.Trim()})")));
        }

        var articles = new List<RegulationArticle>();
        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (dto.Articles?.Count ?? 0); i++)
        {
            var article = dto.Articles![i];
            if (!numbers.Add(article.Number!.Trim()))
            {
                messages.Add(file.At($"/articles/{i}/number", Severity.Error, $"article '{article.Number}' is listed twice"));
                ok = false;
            }

            articles.Add(new RegulationArticle(article.Number.Trim(), article.Summary!.Trim(), article.Verified ?? true, NullIfBlank(article.Note)));
        }

        return ok
            ? new Regulation(dto.Id!, dto.Version!.Value, Text(dto.Name), Text(dto.ShortName), Text(dto.Issuer), dto.DocumentNumber?.Trim() ?? string.Empty,
                Date(dto.Dates?.Adopted), dto.Dates?.Revised?.Select(d => Date(d)!.Value).ToList() ?? [], Date(dto.Dates?.InForce),
                ParseVerification(dto.Verification!), NullIfBlank(dto.VerificationNote), dto.Sources?.Where(s => !string.IsNullOrWhiteSpace(s)).ToList() ?? [],
                articles)
            : null;
    }

    private Topic? CheckTopic(ParsedFile<TopicDto> file, TopicDto dto, Dictionary<string, Regulation> regulations,
        HashSet<string> brokenRegulations, HashSet<string> topicIds, Dictionary<string, string> seen, List<ValidationMessage> messages)
    {
        var ok = CheckId(file, dto.Id!, seen, "topic", messages);
        var title = Text(dto.Title);
        if (title.En.Length > MaxTitleLength)
        {
            messages.Add(file.At("/title/en", Severity.Warning,
                $"title is {title.En.Length} characters; keep it under {MaxTitleLength} so it fits on a button"));
        }

        var english = Clean(dto.Phrasings?.En);
        if (english.Count < MinEnglishPhrasings)
        {
            messages.Add(file.At("/phrasings/en", Severity.Warning,
                $"only {english.Count} English phrasings; give at least {MinEnglishPhrasings} so the bot recognises the question"));
        }

        var citations = new List<Citation>();
        for (var i = 0; i < dto.Citations!.Count; i++)
        {
            if (CheckCitation(file, dto.Citations[i], $"/citations/{i}", regulations, brokenRegulations, messages) is { } citation)
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
            if (!topicIds.Contains(related[i]))
            {
                var hint = YamlFileParser.DidYouMean(related[i], topicIds);
                messages.Add(file.At($"/related/{i}", Severity.Error,
                    $"related topic '{related[i]}' does not exist" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
                ok = false;
            }
            else if (related[i] == dto.Id)
            {
                messages.Add(file.At($"/related/{i}", Severity.Warning, "a topic should not list itself as related"));
            }
        }

        var reviewBy = Date(dto.ReviewBy);
        if (reviewBy is { } due && due < _today)
        {
            messages.Add(file.At("/review_by", Severity.Warning,
                $"review was due on {due:yyyy-MM-dd}; review the answer and move 'review_by' forward"));
        }

        var phrasings = new Dictionary<Language, IReadOnlyList<string>>
        {
            [Language.English] = english,
            [Language.Chinese] = Clean(dto.Phrasings?.Zh),
        };
        return ok
            ? new Topic(dto.Id!, dto.Version!.Value, title, dto.Audience!.Select(ParseAudience).ToList(), Text(dto.Answer), phrasings,
                citations, related, dto.Offers ?? [], dto.Featured ?? false, Date(dto.LastReviewed)!.Value, reviewBy)
            : null;
    }

    private Citation? CheckCitation(ParsedFile<TopicDto> file, CitationDto dto, string at,
        Dictionary<string, Regulation> regulations, HashSet<string> brokenRegulations, List<ValidationMessage> messages)
    {
        if (brokenRegulations.Contains(dto.Regulation!))
        {
            return null; // the regulation's own file has errors; they are reported there
        }

        if (!regulations.TryGetValue(dto.Regulation!, out var regulation))
        {
            var hint = YamlFileParser.DidYouMean(dto.Regulation!, regulations.Keys);
            messages.Add(file.At(at + "/regulation", Severity.Error,
                $"regulation '{dto.Regulation}' does not exist in {_layout.Regulations}" + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
            return null;
        }

        return CheckArticles(file, regulation, dto, at, messages) ? new Citation(regulation.Id, dto.Articles ?? [], NullIfBlank(dto.Note)) : null;
    }

    /// <summary>Reports each article of <paramref name="citation"/> that <paramref name="regulation"/> does not list; true when all are listed.</summary>
    internal static bool CheckArticles(ParsedFile file, Regulation regulation, CitationDto citation, string at, List<ValidationMessage> messages)
    {
        var ok = true;
        var articles = citation.Articles ?? [];
        for (var i = 0; i < articles.Count; i++)
        {
            if (regulation.FindArticle(articles[i]) is null)
            {
                messages.Add(file.At($"{at}/articles/{i}", Severity.Error,
                    $"article '{articles[i]}' is not listed in regulation '{regulation.Id}' (listed: {string.Join(", ", regulation.Articles.Select(a => a.Number))})"));
                ok = false;
            }
        }

        return ok;
    }

    private static List<SynonymGroup> CheckSynonyms(ParsedFile<SynonymsDto> file, SynonymsDto dto, List<ValidationMessage> messages)
    {
        var groups = new List<SynonymGroup>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (dto.Groups?.Count ?? 0); i++)
        {
            var group = dto.Groups![i];
            var at = $"/groups/{i}";
            if (!ids.Add(group.Id!))
            {
                messages.Add(file.At(at + "/id", Severity.Error, $"synonym group '{group.Id}' is defined twice"));
                continue;
            }

            var terms = new Dictionary<Language, IReadOnlyList<string>>
            {
                [Language.English] = Clean(group.Terms?.En),
                [Language.Chinese] = Clean(group.Terms?.Zh),
            };
            foreach (var (language, list) in terms)
            {
                for (var j = 0; j < list.Count; j++)
                {
                    if (owner.TryGetValue(list[j], out var other) && other != group.Id)
                    {
                        messages.Add(file.At($"{at}/terms/{language.ToCode()}/{j}", Severity.Warning,
                            $"term '{list[j]}' is in groups '{other}' and '{group.Id}'; the matcher uses the first"));
                    }
                    else
                    {
                        owner[list[j]] = group.Id!;
                    }
                }
            }

            groups.Add(new SynonymGroup(group.Id!, terms));
        }

        return groups;
    }

    // Null when a group id is used twice (an error: the bot could not tell which reply is meant).
    private static List<OutOfScopeGroup>? CheckOutOfScope(ParsedFile<OutOfScopeDto> file, OutOfScopeDto dto, List<ValidationMessage> messages)
    {
        var groups = new List<OutOfScopeGroup>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dto.Groups?.Count ?? 0); i++)
        {
            var group = dto.Groups![i];
            if (!ids.Add(group.Id!))
            {
                messages.Add(file.At($"/groups/{i}/id", Severity.Error, $"out-of-scope group id '{group.Id}' is used twice; give each group its own id"));
                continue;
            }

            groups.Add(new OutOfScopeGroup(group.Id!, Text(group.Reply), new Dictionary<Language, IReadOnlyList<string>>
            {
                [Language.English] = Clean(group.Phrasings?.En),
                [Language.Chinese] = Clean(group.Phrasings?.Zh),
            })
            {
                Contact = group.Contact is null ? null : Text(group.Contact),
            });
        }

        return groups.Count == (dto.Groups?.Count ?? 0) ? groups : null;
    }

    /// <summary>
    /// A topic's title is its button label (a "did you mean" choice, a related topic): two topics with the same English
    /// or Chinese title would offer two buttons no one can tell apart, which is an error naming the other topic.
    /// </summary>
    private static bool CheckTitleUnique(ParsedFile file, Topic topic, Dictionary<string, string> seen, List<ValidationMessage> messages)
    {
        var ok = true;
        foreach (var (pointer, title) in new[] { ("/title/en", topic.Title.En), ("/title/zh", topic.Title.Zh) })
        {
            if (title is null)
            {
                continue;
            }

            if (seen.TryGetValue(title, out var other))
            {
                messages.Add(file.At(pointer, Severity.Error,
                    $"title '{title}' is also the title of topic {other}; buttons show titles, so give each topic its own"));
                ok = false;
            }
            else
            {
                seen[title] = $"'{topic.Id}' ({file.Path})";
            }
        }

        return ok;
    }

    /// <summary>
    /// Checks a file's <paramref name="id"/> against its file name and the ids seen in other files of the same
    /// <paramref name="kind"/> (what the schema, which sees one file, cannot); true when it is unique and matches.
    /// </summary>
    internal static bool CheckId(ParsedFile file, string id, Dictionary<string, string> seen, string kind, List<ValidationMessage> messages)
    {
        var fileName = Path.GetFileNameWithoutExtension(file.Path);
        if (fileName != id)
        {
            messages.Add(file.At("/id", Severity.Error, $"id '{id}' does not match the file name '{fileName}'; rename one of them"));
            return false;
        }

        if (seen.TryGetValue(id, out var other))
        {
            messages.Add(file.At("/id", Severity.Error, $"duplicate {kind} id '{id}' (also in {other})"));
            return false;
        }

        seen[id] = file.Path;
        return true;
    }

    /// <summary>The model of a localized text the schema has checked (English required and not blank).</summary>
    internal static LocalizedText Text(LocalizedTextDto? dto) => new(dto!.En!.Trim(), NullIfBlank(dto.Zh));

    /// <summary>The schema-checked YYYY-MM-DD date, or null when absent.</summary>
    private static DateOnly? Date(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileId(ParsedFile file) => Path.GetFileNameWithoutExtension(file.Path);

    internal static IReadOnlyList<string> Clean(List<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() ?? [];

    internal static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // The schema allows exactly these values.
    private static VerificationStatus ParseVerification(string value) => value.Trim() switch
    {
        "verified" => VerificationStatus.Verified,
        "partially-verified" => VerificationStatus.PartiallyVerified,
        _ => VerificationStatus.Unverified,
    };

    private static Audience ParseAudience(string value) => value.Trim() switch
    {
        "individual" => Audience.Individual,
        "enterprise" => Audience.Enterprise,
        _ => Audience.Traveller, // traveller or traveler
    };
}
