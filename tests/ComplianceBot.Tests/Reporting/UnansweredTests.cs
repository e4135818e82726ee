using System.CommandLine;
using System.Text;
using ComplianceBot.Cli;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Reporting;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceBot.Tests.Reporting;

/// <summary>
/// Questions the bot could not answer are recorded (normalised, redacted, anonymous, for a limited time) and listed by
/// frequency, the gaps in the content apart from the questions declined on purpose.
/// </summary>
public sealed class UnansweredTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cb-unanswered-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(_folder, "nested", "unanswered.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_running_bot_records_fallbacks_normalised_counted_and_without_user_or_conversation_ids()
    {
        await using (var server = await BotServer.StartAsync(new Dictionary<string, string?> { ["Unanswered:Path"] = Database }))
        {
            await server.SendAsync(Activities.Message("Is a SATELLITE phone allowed??", "conversation-alpha-7781"));
            await server.SendAsync(Activities.Message("is a satellite  phone allowed", "conversation-beta-9923"));
            var (_, answered) = await server.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?", "conversation-gamma"));
            Assert.Equal("answer", (string?)answered.Single()["value"]!["type"]);
        }

        var rows = Log().MostFrequent(10);

        var row = Assert.Single(rows); // the answered question is not recorded
        Assert.Equal(("is a satellite phone allowed", UnansweredReason.FellBack, 2, true), (row.Text, row.Reason, row.Count, row.IsGap));
        var stored = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Database));
        Assert.DoesNotContain("user-1", stored);
        Assert.DoesNotContain("Ada", stored);
        Assert.DoesNotContain("conversation-alpha", stored);
    }

    [Fact]
    public async Task The_running_bot_stores_personal_data_redacted()
    {
        await using (var server = await BotServer.StartAsync(new Dictionary<string, string?> { ["Unanswered:Path"] = Database }))
        {
            await server.SendAsync(Activities.Message("hi im John Smith, john.smith@acme.com +86 138 0013 8000 can i use tor", "privacy-1"));
            await server.SendAsync(Activities.Message("my employee id is 12345 and my password is hunter2 can i use tor", "privacy-2"));
        }

        var texts = Log().MostFrequent(10).Select(r => r.Text).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["hi im john smith <address> <number> can i use tor", "my employee id is <number> and my password <redacted>"], texts);
        var stored = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Database));
        foreach (var secret in new[] { "acme", "john smith john", "0013", "8000", "12345", "hunter2" })
        {
            Assert.DoesNotContain(secret, stored);
        }
    }

    [Fact]
    public async Task A_question_declined_as_out_of_scope_is_recorded_as_declined_and_reported_apart_from_the_gaps()
    {
        await using (var server = await BotServer.StartAsync(new Dictionary<string, string?> { ["Unanswered:Path"] = Database }))
        {
            var (_, declined) = await server.SendAsync(Activities.Message("my vpn client wont connect", "declined-1"));
            Assert.Equal("it-support", (string?)declined.Single()["value"]!["reason"]);
            await server.SendAsync(Activities.Message("is a satellite phone allowed", "gap-1"));
        }

        var (exitCode, output) = await RunAsync("report", "unanswered", "--db", Database);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var gaps = Array.FindIndex(lines, l => l.StartsWith("Gaps: the content has no answer.", StringComparison.Ordinal));
        var declinedHeading = Array.FindIndex(lines, l => l.StartsWith("Declined on purpose as out of scope", StringComparison.Ordinal));
        Assert.True(gaps > 0 && declinedHeading > gaps, output);
        Assert.EndsWith("fell-back  is a satellite phone allowed", lines[gaps + 2]);
        Assert.EndsWith("declined: it-support  my vpn client wont connect", lines[declinedHeading + 2]);
    }

    [Fact]
    public async Task Report_unanswered_lists_questions_by_frequency_with_last_seen_and_reason()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero));
        var log = new SqliteUnansweredLog(Database, 300, 3650, NullLogger<SqliteUnansweredLog>.Instance, clock);
        log.Record("can i use tor", UnansweredReason.FellBack);
        log.Record("vpn rules", UnansweredReason.Clarified);
        clock.Advance(TimeSpan.FromHours(26));
        log.Record("vpn rules", UnansweredReason.Clarified);
        log.Record("vpn rules", UnansweredReason.Clarified);

        var (exitCode, output) = await RunAsync("report", "unanswered", "--db", Database);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Gaps: the content has no answer.", lines[1]);
        Assert.Equal("count  last seen (UTC)   reason     question", lines[2]);
        Assert.Equal("3  2026-12-02 10:30  clarified  vpn rules", lines[3]);
        Assert.Equal("1  2026-12-01 08:30  fell-back  can i use tor", lines[4]);
    }

    [Fact]
    public void A_question_not_asked_again_within_the_retention_period_is_deleted_on_the_next_write()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero));
        var log = new SqliteUnansweredLog(Database, 300, 90, NullLogger<SqliteUnansweredLog>.Instance, clock);
        log.Record("can i use tor", UnansweredReason.FellBack);
        log.Record("vpn rules", UnansweredReason.Clarified);
        clock.Advance(TimeSpan.FromDays(60));
        log.Record("vpn rules", UnansweredReason.Clarified);
        clock.Advance(TimeSpan.FromDays(31));

        log.Record("is a satellite phone allowed", UnansweredReason.FellBack);

        Assert.Equal(["vpn rules", "is a satellite phone allowed"], Log().MostFrequent(10).Select(r => r.Text));
        Assert.DoesNotContain("can i use tor", Encoding.UTF8.GetString(File.ReadAllBytes(Database)));
    }

    [Fact]
    public async Task Report_unanswered_before_anything_was_recorded_says_so()
    {
        var (exitCode, output) = await RunAsync("report", "unanswered", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("No unanswered questions recorded in the last 90 days", output);
        Assert.EndsWith(ReportCommand.RecordedChannels, output.Trim());
    }

    [Fact]
    public async Task The_command_line_records_no_unanswered_questions_and_the_report_says_so()
    {
        using (var services = ConsoleServices.Create(ContentFolders.Resolve(null, null)))
        {
            Assert.Null(services.GetService<IUnansweredLog>()); // ask, chat, eval and test: authors trying content
        }

        await using (var server = await BotServer.StartAsync(new Dictionary<string, string?> { ["Unanswered:Path"] = Database }))
        {
            Assert.NotNull(server.Services.GetService<IUnansweredLog>());
            await server.SendAsync(Activities.Message("is a satellite phone allowed", "gap-1"));
        }

        var (_, output) = await RunAsync("report", "unanswered", "--db", Database);

        Assert.Contains("fell-back  is a satellite phone allowed", output);
        Assert.EndsWith("Recorded by the running bot from every channel (Teams, Slack, the web chat page); "
            + "not from the command line (ask, chat, eval, test), where authors try content.", output.Trim());
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    public async Task Report_unanswered_refuses_a_top_below_one(string top)
    {
        var (exitCode, output) = await RunAsync("report", "unanswered", "--db", Database, "--top", top);

        Assert.Equal(ComplianceBot.Cli.CommandLine.UsageExitCode, exitCode);
        Assert.Contains($"--top takes a whole number of 1 or more (how many questions to list), not '{top}'.", output);
        Assert.False(File.Exists(Database));
    }

    private SqliteUnansweredLog Log() => new(Database, 300, 3650, NullLogger<SqliteUnansweredLog>.Instance, TimeProvider.System);

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Support.Cli.RunAsync(args);
}
