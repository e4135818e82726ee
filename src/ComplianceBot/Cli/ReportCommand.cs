using System.CommandLine;
using System.Globalization;
using ComplianceBot.Reporting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>report unanswered [--top N] [--db FILE]</c>: the questions the running bot could not answer directly, most
/// frequent first (count, last seen, reason, normalised text), so the compliance team can add phrasings or topics.
/// </summary>
public static class ReportCommand
{
    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var top = new Option<int>("--top") { Description = "How many questions to list (default 30).", DefaultValueFactory = _ => 30 };
        var database = new Option<FileInfo?>("--db")
        {
            Description = "The SQLite file the bot records into (default: Unanswered:Path of appsettings.json, normally data/unanswered.db).",
        };
        var unanswered = new Command("unanswered", "List questions that fell back or needed clarification, most frequent first.") { top, database };
        unanswered.SetAction((result, _) => CommandLine.Guard(() =>
            Task.FromResult(Run(result.GetValue(top), result.GetValue(database), output))));
        return new Command("report", "Reports for the compliance team.") { unanswered };
    }

    private static int Run(int top, FileInfo? database, TextWriter output)
    {
        var path = database?.FullName ?? DefaultPath();
        var log = new SqliteUnansweredLog(path, int.MaxValue, NullLogger<SqliteUnansweredLog>.Instance, TimeProvider.System);
        var rows = log.MostFrequent(top);
        if (rows.Count == 0)
        {
            output.WriteLine($"No unanswered questions recorded yet in {path}.");
            return 0;
        }

        output.WriteLine($"Unanswered questions in {path} (most frequent first):");
        output.WriteLine($"{"count",5}  {"last seen (UTC)",-16}  {"reason",-9}  question");
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Count,5}  {row.LastSeen.UtcDateTime:yyyy-MM-dd HH:mm}  {SqliteUnansweredLog.ReasonCode(row.Reason),-9}  {row.Text}"));
        }

        output.WriteLine("Add the common ones as phrasings of the right topic (knowledge/topics/<id>.yaml), or write a new topic.");
        return 0;
    }

    private static string DefaultPath()
    {
        var (root, configuration) = ConsoleServices.ReadConfiguration();
        var options = new UnansweredOptions();
        configuration.GetSection(UnansweredOptions.SectionName).Bind(options);
        return Path.GetFullPath(options.Path, root);
    }
}
