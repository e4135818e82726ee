using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Text;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Checks parsed knowledge files (required keys, allowed values, ids, references across files, review dates)
/// and builds the model. Each problem is located at the key or value it concerns.
/// </summary>
internal sealed partial class KnowledgeChecker
{
    private const int MaxTitleLength = 40;
    private const int MinEnglishPhrasings = 6;

    private readonly List<ParsedFile<RegulationDto>> _regulations;
    private readonly List<ParsedFile<TopicDto>> _topics;
    private readonly ParsedFile<SynonymsDto>? _synonyms;
    private readonly ParsedFile<OutOfScopeDto>? _outOfScope;
    private readonly DateOnly _today;

    public KnowledgeChecker(List<ParsedFile<RegulationDto>> regulations, List<ParsedFile<TopicDto>> topics,
        ParsedFile<SynonymsDto>? synonyms, ParsedFile<OutOfScopeDto>? outOfScope, DateOnly today)
    {
        _outOfScope = outOfScope;
        _regulations = regulations;
        _topics = topics;
        _synonyms = synonyms;
        _today = today;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex IdPattern();

    /// <summary>Adds every problem to <paramref name="messages"/>; returns the model when the files could be bound.</summary>
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
        foreach (var file in _topics)
        {
            if (file.Dto is { } dto && CheckTopic(file, dto, byId, brokenRegulations, topicIds, seenTopics, messages) is { } topic)
            {
                topics.Add(topic);
            }
        }

        var synonyms = _synonyms?.Dto is { } synonymsDto ? CheckSynonyms(_synonyms, synonymsDto, messages) : [];
        var outOfScope = _outOfScope?.Dto is { } outOfScopeDto ? CheckOutOfScope(_outOfScope, outOfScopeDto, messages) : [];
        var bound = _regulations.All(f => f.Dto is not null) && _topics.All(f => f.Dto is not null)
            && (_synonyms is null || _synonyms.Dto is not null) && (_outOfScope is null || _outOfScope.Dto is not null);
        return bound && topics.Count == _topics.Count && regulations.Count == _regulations.Count
            ? new KnowledgeBase(regulations, topics, synonyms, outOfScope)
            : null;
    }

    private Regulation? CheckRegulation(ParsedFile<RegulationDto> file, RegulationDto dto,
        Dictionary<string, string> seen, List<ValidationMessage> messages)
    {
        var ok = CheckId(file, dto.Id, seen, "regulation", messages);
        ok &= CheckVersion(file, dto.Version, messages);
        var name = RequireText(file, dto.Name, "/name", messages);
        var shortName = RequireText(file, dto.ShortName, "/short_name", messages);
        var issuer = RequireText(file, dto.Issuer, "/issuer", messages);
        ok &= name is not null && shortName is not null && issuer is not null;

        var adopted = ParseDate(file, dto.Dates?.Adopted, "/dates/adopted", messages, ref ok);
        var inForce = ParseDate(file, dto.Dates?.InForce, "/dates/in_force", messages, ref ok);
        var revised = new List<DateOnly>();
        for (var i = 0; i < (dto.Dates?.Revised?.Count ?? 0); i++)
        {
            if (ParseDate(file, dto.Dates!.Revised![i], $"/dates/revised/{i}", messages, ref ok) is { } date)
            {
                revised.Add(date);
            }
        }

        VerificationStatus verification = default;
        if (string.IsNullOrWhiteSpace(dto.Verification))
        {
            messages.Add(Missing(file, "/verification", "verified, partially-verified or unverified"));
            ok = false;
        }
        else if (ParseVerification(dto.Verification) is { } status)
        {
            verification = status;
            if (status != VerificationStatus.Verified)
            {
                messages.Add(file.At("/verification", Severity.Info,
                    $"regulation '{dto.Id}' is {dto.Verification}: replies citing it tell readers to check with compliance"
                    + (string.IsNullOrWhiteSpace(dto.VerificationNote) ? string.Empty : $" ({dto.VerificationNote.Trim()})")));
            }
        }
        else
        {
            messages.Add(file.At("/verification", Severity.Error,
                $"'verification' must be verified, partially-verified or unverified, found '{dto.Verification}'"));
            ok = false;
        }

        var articles = new List<RegulationArticle>();
        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (dto.Articles?.Count ?? 0); i++)
        {
            var article = dto.Articles![i];
            var at = $"/articles/{i}";
            if (string.IsNullOrWhiteSpace(article.Number))
            {
                messages.Add(Missing(file, at + "/number", "the article number, e.g. \"6\""));
                ok = false;
                continue;
            }

            if (!numbers.Add(article.Number))
            {
                messages.Add(file.At(at + "/number", Severity.Error, $"article '{article.Number}' is listed twice"));
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(article.Summary))
            {
                messages.Add(Missing(file, at + "/summary", "a one-line summary of the article"));
                ok = false;
            }

            articles.Add(new RegulationArticle(article.Number.Trim(), article.Summary?.Trim() ?? string.Empty,
                article.Verified ?? true, NullIfBlank(article.Note)));
        }

        return ok
            ? new Regulation(dto.Id!, dto.Version!.Value, name!, shortName!, issuer!, dto.DocumentNumber?.Trim() ?? string.Empty,
                adopted, revised, inForce, verification, NullIfBlank(dto.VerificationNote),
                dto.Sources?.Where(s => !string.IsNullOrWhiteSpace(s)).ToList() ?? [], articles)
            : null;
    }

    private Topic? CheckTopic(ParsedFile<TopicDto> file, TopicDto dto, Dictionary<string, Regulation> regulations,
        HashSet<string> brokenRegulations, HashSet<string> topicIds, Dictionary<string, string> seen, List<ValidationMessage> messages)
    {
        var ok = CheckId(file, dto.Id, seen, "topic", messages);
        ok &= CheckVersion(file, dto.Version, messages);
        var title = RequireText(file, dto.Title, "/title", messages);
        var answer = RequireText(file, dto.Answer, "/answer", messages);
        ok &= title is not null && answer is not null;
        if (title is not null && title.En.Length > MaxTitleLength)
        {
            messages.Add(file.At("/title/en", Severity.Warning,
                $"title is {title.En.Length} characters; keep it under {MaxTitleLength} so it fits on a button"));
        }

        var audience = new List<Audience>();
        if (dto.Audience is not { Count: > 0 })
        {
            messages.Add(Missing(file, "/audience", "a list of: individual, enterprise, traveller"));
            ok = false;
        }
        else
        {
            for (var i = 0; i < dto.Audience.Count; i++)
            {
                if (ParseAudience(dto.Audience[i]) is { } a)
                {
                    audience.Add(a);
                }
                else
                {
                    messages.Add(file.At($"/audience/{i}", Severity.Error,
                        $"unknown audience '{dto.Audience[i]}'; use individual, enterprise or traveller"));
                    ok = false;
                }
            }
        }

        var phrasings = new Dictionary<Language, IReadOnlyList<string>>();
        var english = Clean(dto.Phrasings?.En);
        if (english.Count == 0)
        {
            messages.Add(Missing(file, "/phrasings/en", "a list of ways people ask this question"));
            ok = false;
        }
        else if (english.Count < MinEnglishPhrasings)
        {
            messages.Add(file.At("/phrasings/en", Severity.Warning,
                $"only {english.Count} English phrasings; give at least {MinEnglishPhrasings} so the bot recognises the question"));
        }

        phrasings[Language.English] = english;
        phrasings[Language.Chinese] = Clean(dto.Phrasings?.Zh);

        var citations = new List<Citation>();
        if (dto.Citations is not { Count: > 0 })
        {
            messages.Add(Missing(file, "/citations", "at least one citation (regulation id and articles)"));
            ok = false;
        }
        else
        {
            for (var i = 0; i < dto.Citations.Count; i++)
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

        var offers = dto.Offers ?? [];
        for (var i = 0; i < offers.Count; i++)
        {
            if (!offers[i].StartsWith("dialog:", StringComparison.Ordinal))
            {
                messages.Add(file.At($"/offers/{i}", Severity.Error,
                    $"offer '{offers[i]}' must be written 'dialog:<dialog id>'"));
                ok = false;
            }
        }

        var lastReviewed = ParseDate(file, dto.LastReviewed, "/last_reviewed", messages, ref ok);
        if (dto.LastReviewed is null)
        {
            messages.Add(Missing(file, "/last_reviewed", "the date the entry was last reviewed, e.g. 2026-11-29"));
            ok = false;
        }

        var reviewBy = ParseDate(file, dto.ReviewBy, "/review_by", messages, ref ok);
        if (reviewBy is { } due && due < _today)
        {
            messages.Add(file.At("/review_by", Severity.Warning,
                $"review was due on {due:yyyy-MM-dd}; review the answer and move 'review_by' forward"));
        }

        return ok
            ? new Topic(dto.Id!, dto.Version!.Value, title!, audience, answer!, phrasings, citations, related, offers,
                dto.Featured ?? false, lastReviewed!.Value, reviewBy)
            : null;
    }

    private static Citation? CheckCitation(ParsedFile<TopicDto> file, CitationDto dto, string at,
        Dictionary<string, Regulation> regulations, HashSet<string> brokenRegulations, List<ValidationMessage> messages)
    {
        if (string.IsNullOrWhiteSpace(dto.Regulation))
        {
            messages.Add(Missing(file, at + "/regulation", "the id of a regulation entry"));
            return null;
        }

        if (brokenRegulations.Contains(dto.Regulation))
        {
            return null; // the regulation's own file has errors; they are reported there
        }

        if (!regulations.TryGetValue(dto.Regulation, out var regulation))
        {
            var hint = YamlFileParser.DidYouMean(dto.Regulation, regulations.Keys);
            messages.Add(file.At(at + "/regulation", Severity.Error,
                $"regulation '{dto.Regulation}' does not exist in {FolderNextTo(file.Path, ContentLoader.RegulationsFolder)}"
                + (hint is null ? string.Empty : $"; did you mean '{hint}'?")));
            return null;
        }

        var ok = true;
        var articles = dto.Articles ?? [];
        for (var i = 0; i < articles.Count; i++)
        {
            if (regulation.FindArticle(articles[i]) is null)
            {
                messages.Add(file.At($"{at}/articles/{i}", Severity.Error,
                    $"article '{articles[i]}' is not listed in regulation '{regulation.Id}' (listed: {string.Join(", ", regulation.Articles.Select(a => a.Number))})"));
                ok = false;
            }
        }

        return ok ? new Citation(regulation.Id, articles, NullIfBlank(dto.Note)) : null;
    }

    private static List<SynonymGroup> CheckSynonyms(ParsedFile<SynonymsDto> file, SynonymsDto dto, List<ValidationMessage> messages)
    {
        CheckVersion(file, dto.Version, messages);
        var groups = new List<SynonymGroup>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (dto.Groups?.Count ?? 0); i++)
        {
            var group = dto.Groups![i];
            var at = $"/groups/{i}";
            if (string.IsNullOrWhiteSpace(group.Id))
            {
                messages.Add(Missing(file, at + "/id", "a group id, e.g. circumvent"));
                continue;
            }

            if (!ids.Add(group.Id))
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
                        owner[list[j]] = group.Id;
                    }
                }
            }

            if (terms.Values.All(t => t.Count == 0))
            {
                messages.Add(Missing(file, at + "/terms", "terms in en and/or zh"));
                continue;
            }

            groups.Add(new SynonymGroup(group.Id, terms));
        }

        return groups;
    }

    private static List<OutOfScopeGroup> CheckOutOfScope(ParsedFile<OutOfScopeDto> file, OutOfScopeDto dto, List<ValidationMessage> messages)
    {
        CheckVersion(file, dto.Version, messages);
        var groups = new List<OutOfScopeGroup>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dto.Groups?.Count ?? 0); i++)
        {
            var group = dto.Groups![i];
            var at = $"/groups/{i}";
            if (string.IsNullOrWhiteSpace(group.Id))
            {
                messages.Add(Missing(file, at + "/id", "a group id, e.g. it-support"));
                continue;
            }

            if (!IdPattern().IsMatch(group.Id) || !ids.Add(group.Id))
            {
                messages.Add(file.At(at + "/id", Severity.Error,
                    $"out-of-scope group id '{group.Id}' must be unique and written as lowercase words joined by hyphens"));
                continue;
            }

            var reply = RequireText(file, group.Reply, at + "/reply", messages);
            var english = Clean(group.Phrasings?.En);
            if (english.Count == 0)
            {
                messages.Add(Missing(file, at + "/phrasings/en", "example questions the bot should decline"));
                continue;
            }

            if (reply is not null)
            {
                groups.Add(new OutOfScopeGroup(group.Id, reply, new Dictionary<Language, IReadOnlyList<string>>
                {
                    [Language.English] = english,
                    [Language.Chinese] = Clean(group.Phrasings?.Zh),
                }));
            }
        }

        return groups;
    }

    internal static bool CheckId<T>(ParsedFile<T> file, string? id, Dictionary<string, string> seen, string kind,
        List<ValidationMessage> messages)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            messages.Add(Missing(file, "/id", $"the {kind} id (the file name without .yaml)"));
            return false;
        }

        if (!IdPattern().IsMatch(id))
        {
            messages.Add(file.At("/id", Severity.Error, $"id '{id}' must be lowercase words joined by hyphens"));
            return false;
        }

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

    internal static bool CheckVersion<T>(ParsedFile<T> file, int? version, List<ValidationMessage> messages)
        where T : class
    {
        if (version is null)
        {
            messages.Add(Missing(file, "/version", "a whole number, bumped on every edit"));
            return false;
        }

        if (version < 1)
        {
            messages.Add(file.At("/version", Severity.Error, "'version' must be 1 or more"));
            return false;
        }

        return true;
    }

    internal static LocalizedText? RequireText<T>(ParsedFile<T> file, LocalizedTextDto? dto, string pointer,
        List<ValidationMessage> messages)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(dto?.En))
        {
            messages.Add(Missing(file, pointer + "/en", "the English text"));
            return null;
        }

        return new LocalizedText(dto.En.Trim(), NullIfBlank(dto.Zh));
    }

    private static DateOnly? ParseDate<T>(ParsedFile<T> file, string? value, string pointer,
        List<ValidationMessage> messages, ref bool ok)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        messages.Add(file.At(pointer, Severity.Error, $"'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-11-29"));
        ok = false;
        return null;
    }

    internal static ValidationMessage Missing<T>(ParsedFile<T> file, string pointer, string what)
        where T : class
    {
        var key = pointer[(pointer.LastIndexOf('/') + 1)..];
        var parent = pointer[..pointer.LastIndexOf('/')];
        var where = parent.Length == 0 ? string.Empty : $" under '{parent.TrimStart('/').Replace('/', '.')}'";
        return file.Has(pointer)
            ? file.At(pointer, Severity.Error, $"'{key}'{where} is empty; expected {what}")
            : file.At(parent, Severity.Error, $"missing required key '{key}'{where}: {what}");
    }

    /// <summary>
    /// The folder <paramref name="folder"/> of the knowledge folder that holds <paramref name="entryPath"/> (a
    /// <c>topics/</c> or <c>regulations/</c> entry), as shown in messages: <c>knowledge/regulations/</c>, or
    /// <c>k/regulations/</c> when a copy named <c>k</c> is checked.
    /// </summary>
    internal static string FolderNextTo(string entryPath, string folder)
    {
        var knowledge = Path.GetDirectoryName(Path.GetDirectoryName(entryPath))?.Replace('\\', '/');
        return (string.IsNullOrEmpty(knowledge) ? string.Empty : knowledge + "/") + folder + "/";
    }

    private static string FileId<T>(ParsedFile<T> file)
        where T : class => Path.GetFileNameWithoutExtension(file.Path);

    internal static IReadOnlyList<string> Clean(List<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() ?? [];

    internal static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static VerificationStatus? ParseVerification(string value) => value.Trim() switch
    {
        "verified" => VerificationStatus.Verified,
        "partially-verified" => VerificationStatus.PartiallyVerified,
        "unverified" => VerificationStatus.Unverified,
        _ => null,
    };

    private static Audience? ParseAudience(string value) => value.Trim() switch
    {
        "individual" => Knowledge.Audience.Individual,
        "enterprise" => Knowledge.Audience.Enterprise,
        "traveller" or "traveler" => Knowledge.Audience.Traveller,
        _ => null,
    };
}
