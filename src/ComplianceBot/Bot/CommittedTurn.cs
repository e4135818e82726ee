using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Bot;

/// <summary>
/// A turn whose new state was saved, placed in the turn context (<c>TurnState</c>) for middleware that runs after the
/// bot, such as the audit trail.
/// </summary>
/// <param name="Result">The decision, replies and saved state.</param>
/// <param name="Analysis">How the message was read; null for turns that were not a message read by the assistant (welcome, closed check, too long).</param>
/// <param name="TypedText">The message as typed (before redaction); null for a button click or a welcome.</param>
public sealed record CommittedTurn(TurnResult Result, TurnAnalysis? Analysis, string? TypedText);
