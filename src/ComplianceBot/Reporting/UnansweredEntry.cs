namespace ComplianceBot.Reporting;

/// <summary>One occurrence of an unanswered question, redacted and normalised, ready to be counted in the store.</summary>
/// <param name="Text">The question after <see cref="PersonalDataRedactor"/> (never a user or conversation identity).</param>
/// <param name="ReasonCode"><c>fell-back</c>, <c>clarified</c> or <c>declined: &lt;group&gt;</c> (<see cref="UnansweredQuestion.ReasonCode"/>).</param>
/// <param name="At">When it was asked.</param>
public sealed record UnansweredEntry(string Text, string ReasonCode, DateTimeOffset At);
