namespace ComplianceBot.Core.Conversation;

/// <summary>One user message, as any channel delivers it, reduced to what the bot logic needs.</summary>
/// <param name="Text">What the user typed, with channel markup possibly still in it; null or empty for a pure button click.</param>
/// <param name="Value">
/// A button's data: flat string pairs such as <c>{"topic": "travelers"}</c>, <c>{"start": "travel-check"}</c> or
/// <c>{"slot": "purpose", "choice": "work"}</c> (<c>docs/reply-format.md</c>, "Buttons and what they post"). Null when the message has none.
/// </param>
/// <param name="AttachmentCount">Number of user attachments (files, images); channel-generated copies of the text excluded.</param>
/// <param name="Locale">The channel's locale for the user (e.g. <c>zh-CN</c>), if known.</param>
public sealed record TurnInput(
    string? Text,
    IReadOnlyDictionary<string, string>? Value = null,
    int AttachmentCount = 0,
    string? Locale = null)
{
    /// <summary>
    /// The text with other people's mentions still written as markup (<c>&lt;at&gt;Bob Jones&lt;/at&gt;</c>), which the
    /// unanswered log records so that it can redact them; null when it is <see cref="Text"/>.
    /// </summary>
    public string? TypedText { get; init; }
}
