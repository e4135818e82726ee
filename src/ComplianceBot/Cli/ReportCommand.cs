using System.CommandLine;
using System.Globalization;
using ComplianceBot.Reporting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>report unanswered [--top N] [--db FILE]</c>: the questions the running bot could not answer directly, most
/// frequent first (count, last seen, reason, normalised and redacted text), in two lists: the gaps in the content
/// (fell back or had to ask which topic was meant), to which the compliance team adds phrasings or topics, and the
/// questions declined on purpose as out of scope (<c>declined: &lt;group&gt;</c>), which need nothing unless they belong in scope.
/// The running web host records them from every channel it serves (Teams, Slack, the web chat page, any Bot Framework
/// client); the command line (<c>ask</c>, <c>chat</c>, <c>eval</c>, <c>test</c>) records nothing: those are authors
/// trying content, often a copy, and their questions would be counted as the employees' gaps.
/// </summary>
/// <remarks>Exit codes: 0 listed (or nothing recorded); 2 for a usage error such as a <c>--top</c> below 1.</remarks>
public static class ReportCommand
{
    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
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
        var database = new Option<FileInfo?>("--db")
        {
            Description = "The SQLite file the bot records into (default: Unanswered:Path of appsettings.json, normally data/unanswered.db).",
        };
        var unanswered = new Command("unanswered", "List the questions the bot could not answer (gaps) and those it declined as out of scope, most frequent first.")
        {
            top, database,
        };
        unanswered.SetAction((result, _) => CommandLine.Guard(result, () =>
            Task.FromResult(Run(result.GetValue(top), result.GetValue(database), output))));
        return new Command("report", "Reports for the compliance team.") { unanswered };
    }

    private static int Run(int top, FileInfo? database, TextWriter output)
    {
        var options = Options();
        var path = database?.FullName ?? Path.GetFullPath(options.Path, ConsoleServices.ReadConfiguration().Root);
        var log = new SqliteUnansweredLog(path, int.MaxValue, options.RetentionDays, NullLogger<SqliteUnansweredLog>.Instance, TimeProvider.System);
        var rows = log.MostFrequent(top);
        if (rows.Count == 0)
        {
            output.WriteLine($"No unanswered questions recorded in the last {options.RetentionDays} days in {path}.");
            output.WriteLine(RecordedChannels);
            return 0;
        }

        var gaps = rows.Where(r => r.IsGap).ToList();
        var declined = rows.Where(r => !r.IsGap).ToList();
        output.WriteLine($"Unanswered questions in {path} (last {options.RetentionDays} days, most frequent first).");
        output.WriteLine();
        output.WriteLine("Gaps: the content has no answer. Add phrasings to the right topic (knowledge/topics/<id>.yaml) or write a new topic:");
        Write(gaps, output);
        if (declined.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Declined on purpose as out of scope (knowledge/out-of-scope.yaml). Nothing to add unless one belongs in scope:");
            Write(declined, output);
        }

        output.WriteLine();
        output.WriteLine(RecordedChannels);
        return 0;
    }

    /// <summary>Which questions the report covers, printed under its heading.</summary>
    public const string RecordedChannels = "Recorded by the running bot from every channel (Teams, Slack, the web chat page); "
        + "not from the command line (ask, chat, eval, test), where authors try content.";

    private static void Write(IReadOnlyList<UnansweredQuestion> rows, TextWriter output)
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

    private static UnansweredOptions Options()
    {
        var (_, configuration) = ConsoleServices.ReadConfiguration();
        var options = new UnansweredOptions();
        configuration.GetSection(UnansweredOptions.SectionName).Bind(options);
        if (options.RetentionDays < 1)
        {
            throw new InvalidOperationException($"Unanswered:RetentionDays must be 1 or more, found {options.RetentionDays}.");
        }

        return options;
    }
}
