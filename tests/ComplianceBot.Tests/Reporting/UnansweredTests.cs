using System.CommandLine;
using System.Text;
using ComplianceBot.Cli;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Reporting;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceBot.Tests.Reporting;

/// <summary>Questions the bot could not answer are recorded (normalised, anonymous) and listed by frequency.</summary>
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
            await server.SendAsync(Activities.Message("What is the WEATHER tomorrow??", "conversation-alpha-7781"));
            await server.SendAsync(Activities.Message("what is the weather  tomorrow", "conversation-beta-9923"));
            var (_, answered) = await server.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?", "conversation-gamma"));
            Assert.Equal("answer", (string?)answered.Single()["value"]!["type"]);
        }

        var rows = Log().MostFrequent(10);

        var row = Assert.Single(rows); // the answered question is not recorded
        Assert.Equal(("what is the weather tomorrow", UnansweredReason.FellBack, 2), (row.Text, row.Reason, row.Count));
        var stored = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Database));
        Assert.DoesNotContain("user-1", stored);
        Assert.DoesNotContain("Ada", stored);
        Assert.DoesNotContain("conversation-alpha", stored);
    }

    [Fact]
    public async Task Report_unanswered_lists_questions_by_frequency_with_last_seen_and_reason()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero));
        var log = new SqliteUnansweredLog(Database, 300, NullLogger<SqliteUnansweredLog>.Instance, clock);
        log.Record("can i use tor", UnansweredReason.FellBack);
        log.Record("vpn rules", UnansweredReason.Clarified);
        clock.Advance(TimeSpan.FromHours(26));
        log.Record("vpn rules", UnansweredReason.Clarified);
        log.Record("vpn rules", UnansweredReason.Clarified);

        var (exitCode, output) = await RunAsync("report", "unanswered", "--db", Database);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("count  last seen (UTC)   reason     question", lines[1]);
        Assert.Equal("3  2026-12-02 10:30  clarified  vpn rules", lines[2]);
        Assert.Equal("1  2026-12-01 08:30  fell-back  can i use tor", lines[3]);
    }

    [Fact]
    public async Task Report_unanswered_before_anything_was_recorded_says_so()
    {
        var (exitCode, output) = await RunAsync("report", "unanswered", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("No unanswered questions recorded yet", output);
    }

    private SqliteUnansweredLog Log() => new(Database, 300, NullLogger<SqliteUnansweredLog>.Instance, TimeProvider.System);

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Support.Cli.RunAsync(args);
}
