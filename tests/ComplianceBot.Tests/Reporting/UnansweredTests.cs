using System.CommandLine;
using System.Text;
using ComplianceBot.Cli;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Audit;
using ComplianceBot.Reporting;
using ComplianceBot.Storage;
using Microsoft.Extensions.Options;
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
    private readonly TempSqliteFolder _temp = new("unanswered");

    private string Database => _temp.File(Path.Combine("nested", "state.db"));

    /// <summary>The host keeps everything in a SQLite file in this test's folder (a nested folder that does not exist yet).</summary>
    private Dictionary<string, string?> SqliteSettings => _temp.Settings(Path.Combine("nested", "state.db"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_running_bot_records_fallbacks_normalised_counted_and_without_user_or_conversation_ids()
    {
        await using (var server = await BotServer.StartAsync(SqliteSettings))
        {
            await server.SendAsync(Activities.Message("Is a SATELLITE phone allowed??", "conversation-alpha-7781"));
            await server.SendAsync(Activities.Message("is a satellite  phone allowed", "conversation-beta-9923"));
            var (_, answered) = await server.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?", "conversation-gamma"));
            Assert.Equal("answer", (string?)answered.Single()["value"]!["type"]);
        }

        var rows = await ReadAsync();

        var row = Assert.Single(rows); // the answered question is not recorded
        Assert.Equal(("is a satellite phone allowed", UnansweredReason.FellBack, 2, true), (row.Text, row.Reason, row.Count, row.IsGap));
        Assert.DoesNotContain(rows, r => r.Text.Contains("conversation", StringComparison.Ordinal) || r.Text.Contains("user-1", StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Database));
        Assert.DoesNotContain("user-1", stored); // the audit trail keeps a keyed hash of the user id, never the id or the name
        Assert.DoesNotContain("Ada", stored);
    }

    [Fact]
    public async Task The_running_bot_stores_personal_data_redacted()
    {
        await using (var server = await BotServer.StartAsync(SqliteSettings))
        {
            await server.SendAsync(Activities.Message("hi im John Smith, john.smith@acme.com +86 138 0013 8000 can i use tor", "privacy-1"));
            await server.SendAsync(Activities.Message("my employee id is 12345 and my password is hunter2 can i use tor", "privacy-2"));
        }

        var texts = (await ReadAsync()).Select(r => r.Text).Order(StringComparer.Ordinal).ToList();

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
        await using (var server = await BotServer.StartAsync(SqliteSettings))
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
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2));
        var start = clock.GetUtcNow();
        await using (var store = await OpenAsync(clock))
        {
            await store.RecordUnansweredAsync([new UnansweredEntry("can i use tor", "fell-back", clock.GetUtcNow()), new UnansweredEntry("vpn rules", "clarified", clock.GetUtcNow())]);
            clock.Advance(TimeSpan.FromHours(26));
            await store.RecordUnansweredAsync([new UnansweredEntry("vpn rules", "clarified", clock.GetUtcNow()), new UnansweredEntry("vpn rules", "clarified", clock.GetUtcNow())]);
        }

        var (exitCode, output) = await RunAsync("report", "unanswered", "--db", Database);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Gaps: the content has no answer.", lines[1]);
        Assert.Equal("count  last seen (UTC)   reason     question", lines[2]);
        Assert.Equal($"3  {start.AddHours(26).UtcDateTime:yyyy-MM-dd HH:mm}  clarified  vpn rules", lines[3]);
        Assert.Equal($"1  {start.UtcDateTime:yyyy-MM-dd HH:mm}  fell-back  can i use tor", lines[4]);
    }

    [Fact]
    public async Task A_question_not_asked_again_within_the_retention_period_is_deleted_by_the_expiry_sweep()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero));
        await using (var store = await OpenAsync(clock))
        {
            var sweep = Sweeper(store, clock);
            await store.RecordUnansweredAsync([new UnansweredEntry("can i use tor", "fell-back", clock.GetUtcNow()), new UnansweredEntry("vpn rules", "clarified", clock.GetUtcNow())]);
            clock.Advance(TimeSpan.FromDays(60));
            await store.RecordUnansweredAsync([new UnansweredEntry("vpn rules", "clarified", clock.GetUtcNow())]);
            clock.Advance(TimeSpan.FromDays(31));
            await store.RecordUnansweredAsync([new UnansweredEntry("is a satellite phone allowed", "fell-back", clock.GetUtcNow())]);

            var result = await sweep.SweepAsync();

            Assert.Equal(1, result.UnansweredQuestions);
            Assert.Equal(["vpn rules", "is a satellite phone allowed"], (await store.ReadUnansweredAsync(DateTimeOffset.MinValue)).Select(r => r.Text));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the last connection closing writes the log into the file
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

        await using (var server = await BotServer.StartAsync(SqliteSettings))
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

    private async Task<SqliteStore> OpenAsync(TimeProvider clock)
    {
        var store = new SqliteStore($"Data Source={Database}", _temp.Path, clock);
        await store.InitializeAsync();
        return store;
    }

    private async Task<IReadOnlyList<UnansweredQuestion>> ReadAsync()
    {
        await using var store = await OpenAsync(TimeProvider.System);
        return await store.ReadUnansweredAsync(DateTimeOffset.MinValue);
    }

    private static ExpiryService Sweeper(BotStore store, TimeProvider clock) => new(store, Options.Create(new StorageOptions()), Options.Create(new AuditOptions()),
        Options.Create(new UnansweredOptions()), Options.Create(new ComplianceBot.Slack.SlackOptions()), clock, NullLogger<ExpiryService>.Instance);

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Support.Cli.RunAsync(args);
}
