namespace ComplianceBot.Core.Conversation;

/// <summary>
/// What one turn produced: why it went where it did, the replies to send (in order), and the conversation state to
/// store. The host stores <see cref="NewState"/> (once) before it sends <see cref="Replies"/>.
/// </summary>
/// <param name="Decision">Why the turn went where it did.</param>
/// <param name="Replies">The replies, channel-neutral; may be empty (e.g. a member already welcomed).</param>
/// <param name="NewState">The state after this turn (the previous one when nothing changed).</param>
public sealed record TurnResult(Decision Decision, IReadOnlyList<BotReply> Replies, ConversationState NewState);
