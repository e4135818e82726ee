using System.Collections.Immutable;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// A button the bot offered, kept in <see cref="ConversationState.OfferedButtons"/> so a typed number can click it.
/// Plain, JSON-serialisable data (a copy of a <see cref="ReplyAction"/>).
/// </summary>
public sealed record OfferedButton
{
    /// <summary>The button's label, sent as the message text when it is picked.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The button's data, e.g. <c>{"topic": "travelers"}</c> (<c>docs/reply-format.md</c>, "Buttons and what they post"); null or empty in damaged state (then it does nothing).</summary>
    public ImmutableSortedDictionary<string, string>? Value { get; init; }

    /// <summary>A copy of <paramref name="action"/>.</summary>
    public static OfferedButton From(ReplyAction action) => new()
    {
        Title = action.Title,
        Value = action.Value.ToImmutableSortedDictionary(StringComparer.Ordinal),
    };
}
