namespace ComplianceBot.Core.Conversation;

/// <summary>
/// A button the bot offered, kept in <see cref="ConversationData.OfferedButtons"/> so a typed number can click it.
/// Plain, JSON-serialisable data (a copy of a <see cref="ReplyAction"/>).
/// </summary>
public sealed class OfferedButton
{
    /// <summary>The button's label, sent as the message text when it is picked.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The button's data, e.g. <c>{"topic": "travelers"}</c> (contract section 3); never null once read.</summary>
    public Dictionary<string, string> Value { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A copy of <paramref name="action"/>.</summary>
    public static OfferedButton From(ReplyAction action) => new()
    {
        Title = action.Title,
        Value = new Dictionary<string, string>(action.Value, StringComparer.Ordinal),
    };
}
