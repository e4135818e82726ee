using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceBot.Core.Loading;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>new-topic &lt;id&gt; [--knowledge DIR]</c>: writes the skeleton of a new FAQ topic,
/// <c>topics/&lt;id&gt;.yaml</c>, with every key of the format in place (the schema line for editors, the id, version 1,
/// English and Chinese texts, today's <c>last_reviewed</c> and a <c>review_by</c> six months on) and prints what is
/// left to write. The texts are left empty, so <c>validate</c> names each one still to write and a running bot keeps
/// serving the content it had until the topic is complete. Refuses an id that is not lowercase words joined by
/// hyphens (the rule of the folder's <c>schema/topic.schema.json</c>) and a topic that already exists.
/// </summary>
/// <remarks>Exit codes: 0 written; 2 an invalid or existing id, or the knowledge folder not found (nothing written).</remarks>
public static class NewTopicCommand
{
    /// <summary>Exit code when the id is invalid or taken (nothing is written).</summary>
    public const int RefusedExitCode = CommandLine.UsageExitCode;

    /// <summary>Creates the command, writing to <paramref name="output"/> and dating the topic by <paramref name="time"/>.</summary>
    public static Command Create(TextWriter output, TimeProvider time)
    {
        var id = new Argument<string>("id") { Description = "The new topic's id: lowercase words joined by hyphens, e.g. vpn-routers; it becomes the file name." };
        var knowledge = ContentFolderOptions.KnowledgeOption();
        var command = new Command("new-topic", "Write the skeleton of a new FAQ topic (topics/<id>.yaml) and list what to fill in.") { id, knowledge };
        command.SetAction((result, _) => CommandLine.Guard(result, () => Task.FromResult(
            Run(result.GetRequiredValue(id).Trim(), ContentFolders.ResolveKnowledge(result.GetValue(knowledge)), time, output))));
        return command;
    }

    private static int Run(string id, string knowledgePath, TimeProvider time, TextWriter output)
    {
        var pattern = IdPattern(knowledgePath);
        if (!Regex.IsMatch(id, pattern))
        {
            var fixedId = Regex.Replace(id.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
            output.WriteLine($"error: '{id}' is not a topic id: an id is lowercase letters and digits in words joined by hyphens"
                + (fixedId.Length > 0 && Regex.IsMatch(fixedId, pattern) ? $"; did you mean '{fixedId}'?" : ", e.g. vpn-routers."));
            return RefusedExitCode;
        }

        var topics = Path.Combine(knowledgePath, ContentLoader.TopicsFolder);
        var existing = Directory.Exists(topics)
            ? Directory.EnumerateFiles(topics).FirstOrDefault(f => ContentLoader.IsYaml(f)
                && string.Equals(Path.GetFileNameWithoutExtension(f), id, StringComparison.OrdinalIgnoreCase))
            : null;
        if (existing is not null)
        {
            output.WriteLine($"error: topic '{id}' already exists: {ShownPath.Of(existing)}. Edit that file, or choose another id.");
            return RefusedExitCode;
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var file = Path.Combine(topics, id + ".yaml");
        Directory.CreateDirectory(topics);
        File.WriteAllText(file, Skeleton(id, today));

        var shown = ShownPath.Of(file);
        var folder = ShownPath.Of(knowledgePath);
        output.WriteLine($"Wrote {shown} (id {id}, version 1, last reviewed {Date(today)}, review by {Date(today.AddMonths(6))}).");
        output.WriteLine("Write each empty value (\"\" and []); the comments in the file say what goes where:");
        var lines = File.ReadAllLines(file);
        foreach (var (key, what) in ToFill)
        {
            output.WriteLine($"  {shown}:{Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal)) + 1}  {key,-10} {what}");
        }

        output.WriteLine("Then check it and try it:");
        output.WriteLine($"  validate --knowledge {folder}        lists what is still empty or wrong, with line and column");
        output.WriteLine($"  ask --knowledge {folder} \"<one of its phrasings>\"");
        output.WriteLine("Until validate passes, a running bot refuses the folder and keeps serving the content it had.");
        return 0;
    }

    // What the author writes, in the file's order, with the key it goes under.
    private static readonly (string Key, string What)[] ToFill =
    [
        ("title", "a short title in English and Chinese (under 40 characters: it goes on a button)"),
        ("audience", "who asks: individual, enterprise and/or traveller"),
        ("answer", "the answer in English and Chinese: the first sentence answers the question, then the detail"),
        ("phrasings", "how people ask it: at least 6 in English; Chinese welcome"),
        ("citations", "each regulation id (knowledge/regulations/) and the articles the answer relies on"),
        ("related", "2-3 related topic ids, offered as buttons after the answer"),
    ];

    /// <summary>The id rule of the topic format: the <c>pattern</c> of <c>id</c> in the folder's <c>schema/topic.schema.json</c>.</summary>
    /// <exception cref="InvalidOperationException">The schema cannot be read or has no id pattern.</exception>
    private static string IdPattern(string knowledgePath)
    {
        var schema = Path.Combine(knowledgePath, "schema", "topic.schema.json");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(schema));
            return json.RootElement.GetProperty("properties").GetProperty("id").GetProperty("pattern").GetString()
                ?? throw new KeyNotFoundException();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException($"cannot read the id rule (properties.id.pattern) from {ShownPath.Of(schema)}: {ex.Message}", ex);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Skeleton(string id, DateOnly today) => $"""
        # yaml-language-server: $schema=../schema/topic.schema.json
        # Written by new-topic on {Date(today)}. Write every empty value ("" and []), then run validate. Guide: knowledge/README.md.
        id: {id}
        version: 1                    # bump on every edit
        title:                        # short (under 40 characters): shown on buttons
          en: ""
          zh: ""                      # Chinese title; or delete this line to show the English one
        audience: []                  # who asks, any of: [individual, enterprise, traveller]
        answer:
          # The first sentence answers the question; then the detail. Markdown allowed (**bold**, lists).
          # For several lines write `en: |` and indent the text on the lines below it.
          en: ""
          zh: ""                      # Chinese answer; or delete this line: a Chinese question then gets the whole reply in English
        phrasings:                    # how people ask: at least 6 in English, short and typo-prone is fine
          en: []                      # e.g. [is my vpn router legal, can i bring a travel router to china, ...]
          zh: []                      # Chinese phrasings welcome
        citations:                    # at least one; the articles must be listed in the regulation entry
          - regulation: ""            # a regulation id: a file name in knowledge/regulations/
            articles: []              # e.g. ["6", "23"]; empty cites the instrument as a whole
        related: []                   # other topic ids, offered as buttons after the answer
        # Optional: offers: [dialog:<id>] offers a check with the answer; featured: true puts it in the menu.
        last_reviewed: {Date(today)}
        review_by: {Date(today.AddMonths(6))}        # the validator warns once this date has passed

        """;
}
