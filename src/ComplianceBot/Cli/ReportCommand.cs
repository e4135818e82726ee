using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceBot.Audit;
using ComplianceBot.Reporting;
using ComplianceBot.Storage;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>report</c>: what the running bot recorded, read from its store (<c>Storage</c> settings, or <c>--db FILE</c> for a SQLite file):
/// <list type="bullet">
/// <item><c>unanswered [--top N]</c>: the questions it could not answer directly, most frequent first (count, last
/// seen, reason, normalised and redacted text), in two lists: the gaps in the content (fell back or had to ask which
/// topic was meant), to which the compliance team adds phrasings or topics, and the questions declined on purpose as
/// out of scope (<c>declined: &lt;group&gt;</c>), which need nothing unless they belong in scope.</item>
/// <item><c>turns [--from DATE] [--to DATE] [--json]</c>: audited turns counted by outcome and by topic or check.</item>
/// <item><c>decision &lt;conversation-id&gt; [--json]</c>: for an auditor, each check of a conversation with its verdict,
/// facts, citations and content version.</item>
/// </list>
/// The running web host records from every channel it serves (Teams, Slack, the web chat page, any Bot Framework
/// client); the command line (<c>ask</c>, <c>chat</c>, <c>eval</c>, <c>test</c>) records nothing: those are authors
/// trying content, often a copy, and their questions would be counted as the employees' gaps.
/// </summary>
/// <remarks>Exit codes: 0 listed (or nothing recorded); 1 for <c>decision</c> on a conversation with no audited turn; 2 for a usage or setup error.</remarks>
public static class ReportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var report = new Command("report", "Reports for the compliance team and auditors, from the store the bot writes to.")
        {
            Unanswered(output), Turns(output), DecisionCommand(output),
        };
        return report;
    }

    private static Option<FileInfo?> DatabaseOption() => new("--db")
    {
        Description = "A SQLite store to read (default: the Storage settings of appsettings.json, normally data/state.db).",
    };

    private static Command Unanswered(TextWriter output)
    {
        var top = new Option<int>("--top")
        {
            Description = "How many questions to list in each list, 1 or more (default 30).",
            HelpName = "N",
            DefaultValueFactory = _ => 30,
            CustomParser = result =>
            {
                var text = result.Tokens.FirstOrDefault()?.Value ?? string.Empty;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1)
                {
                    return n;
                }

                result.AddError($"--top takes a whole number of 1 or more (how many questions to list), not '{text}'.");
                return 0;
            },
        };
        var database = DatabaseOption();
        var command = new Command("unanswered", "List the questions the bot could not answer (gaps) and those it declined as out of scope, most frequent first.")
        {
            top, database,
        };
        command.SetAction((result, cancellationToken) => CommandLine.Guard(result, () =>
            RunUnansweredAsync(result.GetValue(top), result.GetValue(database), output, cancellationToken)));
        return command;
    }

    private static async Task<int> RunUnansweredAsync(int top, FileInfo? database, TextWriter output, CancellationToken cancellationToken)
    {
        var options = Bind<UnansweredOptions>(UnansweredOptions.SectionName);
        await using var store = await ReportStore.OpenAsync(database, cancellationToken);
        var where = ReportStore.Describe(store, database);
        var rows = store is null ? [] : await store.ReadUnansweredAsync(TimeProvider.System.GetUtcNow() - TimeSpan.FromDays(options.RetentionDays), cancellationToken);
        if (rows.Count == 0)
        {
            output.WriteLine($"No unanswered questions recorded in the last {options.RetentionDays} days in {where}.");
            output.WriteLine(RecordedChannels);
            return 0;
        }

        var limit = Math.Max(1, top);
        var gaps = rows.Where(r => r.IsGap).Take(limit).ToList();
        var declined = rows.Where(r => !r.IsGap).Take(limit).ToList();
        output.WriteLine($"Unanswered questions in {where} (last {options.RetentionDays} days, most frequent first).");
        output.WriteLine();
        output.WriteLine("Gaps: the content has no answer. Add phrasings to the right topic (knowledge/topics/<id>.yaml) or write a new topic:");
        WriteUnanswered(gaps, output);
        if (declined.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Declined on purpose as out of scope (knowledge/out-of-scope.yaml). Nothing to add unless one belongs in scope:");
            WriteUnanswered(declined, output);
        }

        output.WriteLine();
        output.WriteLine(RecordedChannels);
        return 0;
    }

    /// <summary>Which questions the report covers, printed under its heading.</summary>
    public const string RecordedChannels = "Recorded by the running bot from every channel (Teams, Slack, the web chat page); "
        + "not from the command line (ask, chat, eval, test), where authors try content.";

    private static void WriteUnanswered(IReadOnlyList<UnansweredQuestion> rows, TextWriter output)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("  none");
            return;
        }

        var width = Math.Max("reason".Length, rows.Max(r => r.ReasonCode.Length));
        output.WriteLine($"{"count",5}  {"last seen (UTC)",-16}  {"reason".PadRight(width)}  question");
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Count,5}  {row.LastSeen.UtcDateTime:yyyy-MM-dd HH:mm}  {row.ReasonCode.PadRight(width)}  {row.Text}"));
        }
    }

    private static Command Turns(TextWriter output)
    {
        var from = new Option<DateOnly?>("--from") { Description = "First day counted, yyyy-MM-dd (UTC; default 30 days before --to)." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day counted, yyyy-MM-dd (UTC; default today)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var database = DatabaseOption();
        var command = new Command("turns", "Count the audited turns by outcome and by topic or check.") { from, to, json, database };
        command.SetAction((result, cancellationToken) => CommandLine.Guard(result, () =>
            RunTurnsAsync(result.GetValue(from), result.GetValue(to), result.GetValue(json), result.GetValue(database), output, cancellationToken)));
        return command;
    }

    private static async Task<int> RunTurnsAsync(DateOnly? from, DateOnly? to, bool json, FileInfo? database, TextWriter output, CancellationToken cancellationToken)
    {
        var last = to ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var first = from ?? last.AddDays(-30);
        if (first > last)
        {
            throw new FormatException($"--from ({first:yyyy-MM-dd}) is after --to ({last:yyyy-MM-dd}).");
        }

        await using var store = await ReportStore.OpenAsync(database, cancellationToken);
        var where = ReportStore.Describe(store, database);
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var counts = store is null ? [] : await store.CountTurnsAsync(start, end, cancellationToken);
        var byOutcome = counts.GroupBy(c => c.Outcome).Select(g => (Outcome: g.Key, Count: g.Sum(c => c.Count)))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Outcome, StringComparer.Ordinal).ToList();
        var bySubject = counts.Where(c => c.Subject is not null).OrderByDescending(c => c.Count)
            .ThenBy(c => c.Outcome, StringComparer.Ordinal).ThenBy(c => c.Subject, StringComparer.Ordinal).ToList();
        var total = byOutcome.Sum(o => o.Count);
        if (json)
        {
            var document = new JsonObject
            {
                ["from"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["store"] = where,
                ["total"] = total,
                ["byOutcome"] = new JsonArray([.. byOutcome.Select(o => (JsonNode)new JsonObject { ["outcome"] = o.Outcome, ["count"] = o.Count })]),
                ["byTopic"] = new JsonArray([.. bySubject.Select(c => (JsonNode)new JsonObject { ["outcome"] = c.Outcome, ["topic"] = c.Subject, ["count"] = c.Count })]),
            };
            output.WriteLine(document.ToJsonString(Json));
            return 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Turns from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} (UTC) in {where}: {total}"));
        if (total == 0)
        {
            return 0;
        }

        var width = Math.Max("outcome".Length, byOutcome.Max(o => o.Outcome.Length));
        output.WriteLine();
        output.WriteLine($"{"outcome".PadRight(width)}  {"count",8}");
        foreach (var (outcome, count) in byOutcome)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.PadRight(width)}  {count,8}"));
        }

        if (bySubject.Count > 0)
        {
            var subjectWidth = Math.Max("topic or check".Length, bySubject.Max(c => c.Subject!.Length));
            output.WriteLine();
            output.WriteLine($"{"outcome".PadRight(width)}  {"topic or check".PadRight(subjectWidth)}  {"count",8}");
            foreach (var c in bySubject)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Outcome.PadRight(width)}  {c.Subject!.PadRight(subjectWidth)}  {c.Count,8}"));
            }
        }

        return 0;
    }

    private static Command DecisionCommand(TextWriter output)
    {
        var conversation = new Argument<string>("conversation-id") { Description = "The conversation's id as the channel gives it (a Slack thread: team:channel:thread-ts)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var database = DatabaseOption();
        var command = new Command("decision", "For an auditor: each check of a conversation with its verdict, facts, citations and content version.")
        {
            conversation, json, database,
        };
        command.SetAction((result, cancellationToken) => CommandLine.Guard(result, () =>
            RunDecisionAsync(result.GetValue(conversation)!, result.GetValue(json), result.GetValue(database), output, cancellationToken)));
        return command;
    }

    private static async Task<int> RunDecisionAsync(string conversationId, bool json, FileInfo? database, TextWriter output, CancellationToken cancellationToken)
    {
        await using var store = await ReportStore.OpenAsync(database, cancellationToken);
        var where = ReportStore.Describe(store, database);
        var records = store is null ? [] : await store.ReadAuditAsync(conversationId, cancellationToken);
        var verdicts = records.Where(r => r.Verdict is not null).ToList();
        var unfinished = records.Where(r => r.DialogId is not null).GroupBy(r => r.DialogId!)
            .Select(g => g.Last()).Where(r => r.Verdict is null && r.SlotId is not null).ToList(); // last seen asking a question
        if (json)
        {
            var document = new JsonObject
            {
                ["conversationId"] = conversationId,
                ["store"] = where,
                ["turns"] = records.Count,
                ["checks"] = new JsonArray([.. verdicts.Select(r => (JsonNode)new JsonObject
                {
                    ["at"] = r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    ["channel"] = r.Channel,
                    ["dialog"] = r.DialogId,
                    ["verdict"] = r.Verdict,
                    ["facts"] = new JsonObject([.. r.Facts.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))]),
                    ["citations"] = new JsonArray([.. r.Citations.Select(c => (JsonNode?)JsonValue.Create(c))]),
                    ["contentVersion"] = r.ContentVersion,
                    ["decision"] = r.Decision,
                })]),
                ["unfinished"] = new JsonArray([.. unfinished.Select(r => (JsonNode)new JsonObject
                {
                    ["dialog"] = r.DialogId, ["lastAsked"] = r.SlotId, ["at"] = r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                })]),
            };
            output.WriteLine(document.ToJsonString(Json));
            return records.Count == 0 ? 1 : 0;
        }

        if (records.Count == 0)
        {
            output.WriteLine($"No audited turn of conversation '{conversationId}' in {where} (kept {Bind<AuditOptions>(AuditOptions.SectionName).RetentionDays} days).");
            return 1;
        }

        output.WriteLine($"Conversation '{conversationId}' in {where}: {records.Count} audited turns, {verdicts.Count} verdicts.");
        foreach (var r in verdicts)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC  {r.DialogId}: verdict {r.Verdict} ({r.Channel})"));
            output.WriteLine($"  facts: {(r.Facts.Count == 0 ? "none" : string.Join(", ", r.Facts.Select(f => $"{f.Key}={f.Value}")))}");
            output.WriteLine($"  citations: {(r.Citations.Count == 0 ? "none" : string.Join(", ", r.Citations))}");
            output.WriteLine($"  content version: {r.ContentVersion}");
            output.WriteLine($"  decision: {r.Decision}");
        }

        foreach (var r in unfinished)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC  {r.DialogId}: no verdict (last asked: {r.SlotId ?? "nothing"}; content version {r.ContentVersion})"));
        }

        return 0;
    }

    private static T Bind<T>(string section)
        where T : new()
    {
        var (_, configuration) = ConsoleServices.ReadConfiguration();
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
