namespace ComplianceBot.Slack;

/// <summary>
/// One user action from Slack that the bot answers: a message (from the Events API) or a button click (from
/// interactivity), reduced to what a turn needs and where the reply goes.
/// </summary>
/// <param name="TeamId">Workspace id (<c>T…</c>); empty when Slack did not send one.</param>
/// <param name="ChannelId">Conversation id (<c>C…</c> channel, <c>G…</c> private, <c>D…</c> direct message).</param>
/// <param name="IsDirect">True for a direct message with the bot (<c>channel_type: im</c>).</param>
/// <param name="ThreadTs">The thread the reply goes to (<c>thread_ts</c> for <c>chat.postMessage</c>); null to post at the top level (a top-level direct message).</param>
/// <param name="UserId">The user who wrote or clicked (<c>U…</c>).</param>
/// <param name="Text">Plain text after <see cref="SlackMarkup"/>; for a click, the button's label.</param>
/// <param name="Value">A clicked button's data (flat string pairs); null for a typed message.</param>
/// <param name="FileCount">Files shared with the message (the bot reads text only).</param>
/// <param name="BotUserId">The bot's user id in this workspace, when known.</param>
/// <param name="MessageTs">The <c>ts</c> of the user's message, or of the message holding the clicked button.</param>
/// <param name="AnsweredPrompt">
/// For a click on a dialog choice (a value with <c>slot</c>): the prompt message's new <c>text</c> and <c>blocks</c>, the
/// clicked buttons replaced by a line saying who chose what, so the prompt is not answered twice; null otherwise.
/// </param>
public sealed record SlackTurn(
    string TeamId,
    string ChannelId,
    bool IsDirect,
    string? ThreadTs,
    string UserId,
    string Text,
    IReadOnlyDictionary<string, string>? Value,
    int FileCount,
    string? BotUserId,
    string MessageTs,
    System.Text.Json.Nodes.JsonObject? AnsweredPrompt = null)
{
    /// <summary>
    /// The conversation whose state this turn reads and writes: the direct-message channel as a whole, or one
    /// thread of a channel (<c>{team}:{channel}:{thread root ts}</c>).
    /// </summary>
    public string ConversationKey => IsDirect || ThreadTs is null
        ? $"{TeamId}:{ChannelId}"
        : $"{TeamId}:{ChannelId}:{ThreadTs}";
}
