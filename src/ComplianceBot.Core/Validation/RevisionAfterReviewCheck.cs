using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Loading;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Staleness across files: warns when a topic cites a regulation that was revised or took effect after the topic
/// was last reviewed, so a change in the law is followed through the answers that rely on it.
/// </summary>
internal static class RevisionAfterReviewCheck
{
    /// <summary>Adds one warning per (topic, regulation) pair where the regulation changed after the topic's <c>last_reviewed</c>.</summary>
    public static void Check(IReadOnlyList<ParsedFile<TopicDto>> files, KnowledgeBase knowledge, List<ValidationMessage> messages)
    {
        foreach (var file in files)
        {
            if (file.Dto?.Id is not { } id || knowledge.FindTopic(id) is not { } topic)
            {
                continue;
            }

            foreach (var regulationId in topic.Citations.Select(c => c.RegulationId).Distinct(StringComparer.Ordinal))
            {
                if (knowledge.FindRegulation(regulationId) is not { } regulation)
                {
                    continue;
                }

                var (date, what) = LastChange(regulation);
                if (date is { } changed && changed > topic.LastReviewed)
                {
                    messages.Add(file.At("/last_reviewed", Severity.Warning,
                        $"regulation '{regulation.Id}' {what} on {changed:yyyy-MM-dd}, after this topic was last reviewed "
                        + $"({topic.LastReviewed:yyyy-MM-dd}); check the answer still holds and update 'last_reviewed'"));
                }
            }
        }
    }

    private static (DateOnly? Date, string What) LastChange(Regulation regulation)
    {
        var revised = regulation.Revised.Count > 0 ? regulation.Revised.Max() : (DateOnly?)null;
        return (revised, regulation.InForce) switch
        {
            ({ } r, { } f) when f > r => (f, "took effect in its current text"),
            ({ } r, _) => (r, "was revised"),
            (null, { } f) when regulation.Adopted is not { } a || f > a => (f, "took effect"),
            _ => (null, string.Empty),
        };
    }
}
