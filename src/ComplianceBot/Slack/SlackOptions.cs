using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Slack;

/// <summary>
/// The Slack app's settings (configuration section <c>Slack</c>; environment variables <c>Slack__SigningSecret</c>,
/// <c>Slack__BotToken</c>). Without a signing secret the Slack routes answer 503 and nothing is sent to Slack.
/// </summary>
public sealed class SlackOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Slack";

    /// <summary>The app's signing secret (Slack app settings, "Basic Information"); empty = Slack disabled.</summary>
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>The bot user OAuth token (<c>xoxb-…</c>) used for <c>chat.postMessage</c>.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>Base URL of the Slack Web API, ending in <c>/</c>. Default <c>https://slack.com/api/</c>; tests point it at a local server.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// The bot's own Slack user id (<c>U…</c>), used to strip its mention and ignore its own messages. Optional:
    /// when empty it is read from each event's <c>authorizations</c>.
    /// </summary>
    public string BotUserId { get; set; } = string.Empty;

    /// <summary>Requests whose <c>X-Slack-Request-Timestamp</c> is further than this from now are refused (replay protection). Default 5 minutes, as Slack specifies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxRequestAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long event ids and message timestamps are remembered to drop Slack's retries and duplicate events. Default 1 hour; Slack retries a failed delivery up to three times within about five minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB; Slack's payloads are far smaller.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>True when a signing secret is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningSecret);
}
