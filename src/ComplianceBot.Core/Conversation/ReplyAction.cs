namespace ComplianceBot.Core.Conversation;

/// <summary>A button offered with a reply. Clicking it sends <see cref="Title"/> as text and <see cref="Value"/> as data.</summary>
/// <param name="Title">Button label, short (under 40 characters).</param>
/// <param name="Value">The data posted back, e.g. <c>{"topic": "travelers"}</c> or <c>{"start": "travel-check"}</c>.</param>
public sealed record ReplyAction(string Title, IReadOnlyDictionary<string, string> Value)
{
    /// <summary>A button that asks for the topic <paramref name="topicId"/>.</summary>
    public static ReplyAction ForTopic(string title, string topicId) =>
        new(title, new Dictionary<string, string> { ["topic"] = topicId });

    /// <summary>A button that starts the decision dialog <paramref name="dialogId"/> (<c>docs/reply-format.md</c>, "Buttons and what they post").</summary>
    public static ReplyAction ForDialog(string title, string dialogId) =>
        new(title, new Dictionary<string, string> { ["start"] = dialogId });
}
