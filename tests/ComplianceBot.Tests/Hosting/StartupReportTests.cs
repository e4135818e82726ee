using ComplianceBot.Content;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceBot.Tests.Hosting;

/// <summary>What the web host says at start-up: what it is loading, then where to chat and what it serves.</summary>
public sealed class StartupReportTests
{
    [Fact]
    public async Task The_host_says_what_it_loads_then_where_to_chat_which_content_it_serves_and_where_it_keeps_conversations()
    {
        var logs = new LogCollector();
        await using var server = await BotServer.StartAsync(configure: builder => builder.Logging
            .AddProvider(logs)
            .AddFilter<LogCollector>("ComplianceBot", LogLevel.Information));

        var messages = logs.Entries.Where(e => e.Category == "ComplianceBot").Select(e => e.Message).ToList();
        var store = server.Services.GetRequiredService<ContentStore>();
        Assert.Equal($"Starting ComplianceBot: loading and checking the content in {store.KnowledgePath} and {store.DialogsPath} ...", messages[0]);
        var report = messages[^1].Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var url = server.Address.ToString().TrimEnd('/');
        Assert.StartsWith("ComplianceBot is ready (", report[0]);
        Assert.Contains($"  Chat in your browser:   {url}/", report);
        Assert.Contains(report, l => l.StartsWith($"  Bot Framework endpoint: POST {url}/api/messages (", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith($"  Content:                version {store.Current.Snapshot.Version.ShortHash} (", StringComparison.Ordinal));
        Assert.Contains("  Conversations:          memory (nothing is kept after the process exits)", report);
        Assert.Contains("  Slack:                  off (set Slack:SigningSecret and Slack:BotToken)", report);
        Assert.Contains(report, l => l.StartsWith("  Compliance contact:     none configured", StringComparison.Ordinal));
    }
}
