namespace ComplianceBot.Web;

/// <summary>The web chat page (configuration section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "WebChat";

    /// <summary>Serve the chat page at <c>/</c> and its API. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The key that signs each conversation's token (HMAC-SHA256 of the conversation id), at least 32 characters. Empty
    /// (default): a random key per process, so tokens do not survive a restart and are not accepted by other instances;
    /// set the same secret on every instance when several serve the page behind a load balancer.
    /// </summary>
    public string TokenSecret { get; set; } = string.Empty;
}
