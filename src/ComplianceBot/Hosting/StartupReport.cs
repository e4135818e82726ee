using System.Diagnostics;
using ComplianceBot.Content;
using ComplianceBot.Reporting;
using ComplianceBot.Slack;
using ComplianceBot.Web;
using ComplianceBot.Storage;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Hosting;

/// <summary>
/// What the web host says once it listens, so a newcomer knows where to chat: the chat page and endpoint addresses,
/// whether Slack is on, the content version served and its folders, where conversations and unanswered questions
/// are kept, and how long start-up took (from process start).
/// </summary>
public static class StartupReport
{
    /// <summary>The log category of what the host says at start-up.</summary>
    public const string LogCategory = "ComplianceBot";

    /// <summary>Logs the report (category <see cref="LogCategory"/>, Information) when <paramref name="app"/> has started.</summary>
    public static void LogWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory).LogInformation("{Report}", Describe(app)));
    }

    /// <summary>The report's text for a started <paramref name="app"/> (one line per fact, indented).</summary>
    public static string Describe(WebApplication app)
    {
        var services = app.Services;
        var url = Browsable(app.Urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal)) ?? app.Urls.FirstOrDefault() ?? "http://localhost:3978");
        var store = services.GetRequiredService<ContentStore>();
        var content = store.Current.Snapshot;
        var configuration = services.GetRequiredService<IConfiguration>();
        var secured = !string.IsNullOrEmpty(configuration["MicrosoftAppId"]);
        var slack = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var watching = services.GetRequiredService<IOptions<ContentOptions>>().Value.WatchForChanges;
        var unanswered = services.GetRequiredService<IOptions<UnansweredOptions>>().Value;
        var conversations = services.GetRequiredService<BotStore>().Description;
        var root = app.Environment.ContentRootPath;
        string Shown(string path) => Path.GetRelativePath(root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;

        var started = (services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - Process.GetCurrentProcess().StartTime.ToUniversalTime()).TotalSeconds;
        string[] lines =
        [
            $"ComplianceBot is ready ({started:F1} s after the process started).",
            "  Chat in your browser:   " + (services.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled ? url + "/" : "off (WebChat:Enabled is false)"),
            $"  Bot Framework endpoint: POST {url}/api/messages (Teams, the Bot Framework Emulator, curl; "
                + (secured ? "channel tokens required" : "no MicrosoftAppId: callers on this machine only") + ")",
            "  Slack:                  " + (string.IsNullOrEmpty(slack.SigningSecret) ? "off (set Slack:SigningSecret and Slack:BotToken)"
                : $"POST {url}/api/slack/events and {url}/api/slack/interactions"),
            $"  Content:                version {content.Version.ShortHash} ({content.Knowledge.Topics.Count} topics, {content.Knowledge.Regulations.Count} regulations, "
                + $"{content.Dialogs.Count} dialogs) from {Shown(store.KnowledgePath)} and {Shown(store.DialogsPath)}"
                + (watching ? ", reloaded when a file changes" : string.Empty) + $"; GET {url}/api/status",
            "  Conversations:          " + conversations,
            "  Compliance contact:     " + (ComplianceBot.Core.Knowledge.OutOfScopeGroup.HasComplianceContact(content.Knowledge)
                ? "set (knowledge/out-of-scope.yaml, group compliance-team)"
                : "none configured: people are told to ask their compliance team; set 'contact' of the group compliance-team in knowledge/out-of-scope.yaml"),
            "  Unanswered questions:   " + (!unanswered.Enabled ? "not recorded (Unanswered:Enabled is false)"
                : "recorded in the same store ('report unanswered' lists them)"),
            "Press Ctrl+C to stop.",
        ];
        return string.Join(Environment.NewLine, lines);
    }

    // A listening address as a browser can open it: a wildcard host (http://+:80, http://0.0.0.0:80) becomes localhost.
    private static string Browsable(string address)
    {
        var trimmed = address.TrimEnd('/');
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            trimmed = trimmed.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return trimmed;
    }
}
