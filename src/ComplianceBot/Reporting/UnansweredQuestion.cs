using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Reporting;

/// <summary>One normalised question the bot could not answer directly, with how often it was asked.</summary>
/// <param name="Text">The question, normalised (lowercase, punctuation removed); never a user's identity.</param>
/// <param name="Reason">Whether the bot fell back or asked which topic was meant.</param>
/// <param name="Count">How many times it was asked (1 or more).</param>
/// <param name="FirstSeen">When it was first asked (UTC).</param>
/// <param name="LastSeen">When it was last asked (UTC).</param>
public sealed record UnansweredQuestion(string Text, UnansweredReason Reason, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
