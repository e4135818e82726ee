using ComplianceBot.Core.Loading;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Warns about placeholder contact details left in the content (<c>example.com</c>, <c>example.org</c>, <c>TODO</c>)
/// in the out-of-scope replies and contacts and in topic answers, so nobody is sent to an address that does not exist
/// (content audit of 2026-12-02, finding 26).
/// </summary>
internal static class PlaceholderContactCheck
{
    private static readonly string[] Placeholders = ["example.com", "example.org", "TODO"];

    /// <summary>Adds one warning per text that holds a placeholder.</summary>
    public static void Check(ParsedFile<OutOfScopeDto>? outOfScope, IReadOnlyList<ParsedFile<TopicDto>> topics, List<ValidationMessage> messages)
    {
        for (var i = 0; i < (outOfScope?.Dto?.Groups?.Count ?? 0); i++)
        {
            var group = outOfScope!.Dto!.Groups![i];
            Look(outOfScope, $"/groups/{i}/reply", group.Reply, messages);
            Look(outOfScope, $"/groups/{i}/contact", group.Contact, messages);
        }

        foreach (var topic in topics)
        {
            Look(topic, "/answer", topic.Dto?.Answer, messages);
        }
    }

    private static void Look<T>(ParsedFile<T> file, string pointer, LocalizedTextDto? text, List<ValidationMessage> messages)
        where T : class
    {
        foreach (var (language, value) in new[] { ("en", text?.En), ("zh", text?.Zh) })
        {
            if (value is not null && Placeholders.FirstOrDefault(p => value.Contains(p, StringComparison.Ordinal)) is { } found)
            {
                messages.Add(file.At($"{pointer}/{language}", Severity.Warning,
                    $"placeholder contact '{found}': put your compliance team's real channel or mailbox here, or leave the contact out "
                    + "(the bot then tells people to ask their compliance team)"));
            }
        }
    }
}
