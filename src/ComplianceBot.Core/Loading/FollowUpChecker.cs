using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Checks <c>knowledge/follow-ups.yaml</c> beyond its schema (which owns the shape): follow-up ids used once, and every
/// topic id it names (the last topic and the topic answered) a topic of the knowledge base.
/// </summary>
internal static class FollowUpChecker
{
    /// <summary>The follow-ups of <paramref name="file"/>, or null when it has errors (reported in <paramref name="messages"/>).</summary>
    public static FollowUps? Check(ParsedFile<FollowUpsDto> file, KnowledgeBase? knowledge, List<ValidationMessage> messages)
    {
        if (file.Dto is not { } dto)
        {
            return null;
        }

        var ok = true;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<FollowUp>();
        var list = dto.FollowUps ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (!ids.Add(item.Id!))
            {
                messages.Add(file.At($"/follow_ups/{i}/id", Severity.Error, $"follow-up id '{item.Id}' is used twice; ids must be unique"));
                ok = false;
            }

            foreach (var (from, to) in item.From ?? [])
            {
                foreach (var (topic, where) in new[] { (from, $"/follow_ups/{i}/from/{from}"), (to, $"/follow_ups/{i}/from/{from}") })
                {
                    if (knowledge is not null && knowledge.FindTopic(topic) is null)
                    {
                        messages.Add(file.At(file.Has(where) ? where : $"/follow_ups/{i}/from", Severity.Error,
                            $"'{topic}' is not a topic id (knowledge/topics/<id>.yaml)"));
                        ok = false;
                    }
                }
            }

            items.Add(new FollowUp(item.Id!, new LocalizedList(KnowledgeChecker.Clean(item.Asks?.En), KnowledgeChecker.Clean(item.Asks?.Zh)),
                new Dictionary<string, string>(item.From ?? [], StringComparer.Ordinal)));
        }

        var cues = new LocalizedList(KnowledgeChecker.Clean(dto.CorrectionCues?.En), KnowledgeChecker.Clean(dto.CorrectionCues?.Zh));
        return ok ? new FollowUps(items, cues) : null;
    }
}
