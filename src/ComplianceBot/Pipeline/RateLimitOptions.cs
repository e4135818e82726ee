namespace ComplianceBot.Pipeline;

/// <summary>
/// Rate limits (configuration section <c>RateLimits</c>), validated at start-up. Messages over the per-user or
/// per-conversation limit are not read: the sender gets one polite reply for the run of messages over the limit, and
/// they are not recorded as unanswered questions. Requests to the web chat API over the per-client limit get 429
/// with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RateLimits";

    /// <summary>False turns every limit off. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages one user may send (across conversations of a channel) per window. Default 20 per minute. Not applied to web chat, whose user ids the caller chooses (<see cref="WebChatClient"/> stands in).</summary>
    public WindowLimit PerUser { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Messages one conversation may receive per window (a group chat shares it). Default 30 per minute.</summary>
    public WindowLimit PerConversation { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests one client address may make to the web chat API per window. Default 60 per minute (above the per-conversation limit, so a person typing fast gets the polite reply first).</summary>
    public WindowLimit WebChatClient { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Problems with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(PerUser, nameof(PerUser), errors);
        Check(PerConversation, nameof(PerConversation), errors);
        Check(WebChatClient, nameof(WebChatClient), errors);
        return errors;
    }

    private static void Check(WindowLimit window, string name, List<string> errors)
    {
        if (window.PermitLimit is < 1 or > 100_000)
        {
            errors.Add($"RateLimits:{name}:PermitLimit must be between 1 and 100000 (got {window.PermitLimit}).");
        }

        if (window.Window < TimeSpan.FromSeconds(1) || window.Window > TimeSpan.FromDays(1))
        {
            errors.Add($"RateLimits:{name}:Window must be between 00:00:01 and 1.00:00:00 (got {window.Window}).");
        }
    }

    /// <summary>A fixed window: at most <see cref="PermitLimit"/> in each <see cref="Window"/>.</summary>
    public sealed class WindowLimit
    {
        /// <summary>How many are allowed per window (1 to 100,000).</summary>
        public int PermitLimit { get; set; }

        /// <summary>The window's length, as <c>hh:mm:ss</c> (1 second to 1 day).</summary>
        public TimeSpan Window { get; set; }
    }
}
