using System.Text.RegularExpressions;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Knowledge;

/// <summary>One topic that cites a regulation.</summary>
/// <param name="Topic">The citing topic.</param>
/// <param name="Articles">The articles it cites (all of its citations of the regulation together); empty when it cites the instrument as a whole.</param>
public sealed record TopicCitation(Topic Topic, IReadOnlyList<string> Articles);

/// <summary>One dialog verdict (the outcome of one rule) that cites a regulation.</summary>
/// <param name="Dialog">The dialog.</param>
/// <param name="Rule">The rule whose verdict cites it.</param>
/// <param name="Articles">The articles cited; empty when the verdict cites the instrument as a whole.</param>
public sealed record VerdictCitation(DialogDefinition Dialog, DialogRule Rule, IReadOnlyList<string> Articles);

/// <summary>Everything in the content that relies on one regulation (or one of its articles).</summary>
/// <param name="Regulation">The regulation.</param>
/// <param name="Article">The article asked about, or null for the whole regulation.</param>
/// <param name="Topics">FAQ answers citing it, in topic-id order.</param>
/// <param name="Verdicts">Dialog verdicts citing it, by dialog id and then rule order.</param>
/// <param name="FormerNumber">
/// When the article was asked for by a number it had in an earlier text (as an article's <c>note</c> records it, e.g.
/// <c>Art. 21(3) in the 2016 text.</c>): that number and the year of the text, e.g. <c>("21", "2016")</c>;
/// <paramref name="Article"/> is then today's number. Null otherwise.
/// </param>
public sealed record ImpactReport(Regulation Regulation, string? Article, IReadOnlyList<TopicCitation> Topics, IReadOnlyList<VerdictCitation> Verdicts,
    (string Number, string Year)? FormerNumber = null);

/// <summary>
/// Follows a change in the law through the content: which FAQ answers and dialog verdicts cite a regulation, so the
/// compliance team knows what to review when an instrument is amended.
/// </summary>
public static partial class ImpactAnalysis
{
    // "Art. 21(3) in the 2016 text": the number the article had in an earlier text, as the notes record it.
    [GeneratedRegex(@"\bArt\.\s*(?<number>[0-9A-Za-z-]+?)(?:\(\d+\))*\s+in the (?<year>\d{4}) text", RegexOptions.IgnoreCase)]
    private static partial Regex FormerNumberNote();

    /// <summary>
    /// The article of <paramref name="regulation"/> whose note records <paramref name="number"/> as its number in an
    /// earlier text (<c>note: Art. 21(3) in the 2016 text.</c>), with that text's year; null when none does.
    /// </summary>
    public static (RegulationArticle Article, string Year)? Renumbered(Regulation regulation, string number)
    {
        foreach (var article in regulation.Articles)
        {
            foreach (Match match in FormerNumberNote().Matches(article.Note ?? string.Empty))
            {
                if (string.Equals(match.Groups["number"].Value, number, StringComparison.OrdinalIgnoreCase))
                {
                    return (article, match.Groups["year"].Value);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What in <paramref name="content"/> cites <paramref name="regulationId"/>; with <paramref name="article"/>, only
    /// what cites that article or the instrument as a whole. An article number the regulation no longer uses but an
    /// article's note records as its number in an earlier text is read as that article (see <see cref="ImpactReport.FormerNumber"/>).
    /// Null when there is no such regulation.
    /// </summary>
    /// <exception cref="ArgumentException">The regulation exists but lists no article <paramref name="article"/>.</exception>
    public static ImpactReport? For(ContentSnapshot content, string regulationId, string? article = null)
    {
        var knowledge = content.Knowledge;
        if (knowledge.FindRegulation(regulationId) is not { } regulation)
        {
            return null;
        }

        (string, string)? former = null;
        if (article is not null && regulation.FindArticle(article) is null && Renumbered(regulation, article) is var (current, year))
        {
            former = (article, year);
            article = current.Number; // "Art. 21" of the 2016 text is today's Art. 23: show what cites that
        }

        if (article is not null && regulation.FindArticle(article) is null)
        {
            throw new ArgumentException(
                $"regulation '{regulation.Id}' lists no article '{article}' (listed: {string.Join(", ", regulation.Articles.Select(a => a.Number))})",
                nameof(article));
        }

        var topics = new List<TopicCitation>();
        foreach (var topic in knowledge.Topics.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            if (Cited(topic.Citations, regulation.Id, article) is { } articles)
            {
                topics.Add(new TopicCitation(topic, articles));
            }
        }

        var verdicts = new List<VerdictCitation>();
        foreach (var dialog in content.Dialogs.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var rule in dialog.Rules)
            {
                if (Cited(rule.Outcome.Citations, regulation.Id, article) is { } articles)
                {
                    verdicts.Add(new VerdictCitation(dialog, rule, articles));
                }
            }
        }

        return new ImpactReport(regulation, article, topics, verdicts, former);
    }

    // The articles of regulationId cited (empty = the instrument as a whole), or null when it is not cited (or not
    // the article asked about).
    private static IReadOnlyList<string>? Cited(IEnumerable<Citation> all, string regulationId, string? article)
    {
        var citations = all.Where(c => c.RegulationId == regulationId).ToList();
        if (citations.Count == 0)
        {
            return null;
        }

        var wholeInstrument = citations.Any(c => c.Articles.Count == 0);
        var articles = citations.SelectMany(c => c.Articles).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (article is not null && !wholeInstrument && !articles.Contains(article, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return wholeInstrument ? [] : articles;
    }

    /// <summary>The regulation id closest to <paramref name="unknownId"/> if it looks like a typo of it; otherwise null.</summary>
    public static string? Suggest(KnowledgeBase knowledge, string unknownId) =>
        Loading.YamlFileParser.DidYouMean(unknownId, knowledge.Regulations.Select(r => r.Id));
}
