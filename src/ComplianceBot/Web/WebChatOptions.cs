namespace ComplianceBot.Web;

/// <summary>The web chat page (configuration section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "WebChat";

    /// <summary>Serve the chat page at <c>/</c> and its API. Default true.</summary>
    public bool Enabled { get; set; } = true;
}
