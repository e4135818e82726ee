namespace ComplianceBot.Core.Conversation;

/// <summary>One fact a verdict relied on, readable by people.</summary>
/// <param name="Slot">Slot id, e.g. <c>provider</c>.</param>
/// <param name="Label">What the slot is, e.g. "Provider".</param>
/// <param name="Value">Value id, e.g. <c>licensed-operator</c>.</param>
/// <param name="ValueLabel">The value as shown, e.g. "A licensed Chinese operator".</param>
public sealed record VerdictFact(string Slot, string Label, string Value, string ValueLabel);

/// <summary>
/// The structured parts of a verdict reply, so channels can render it as a card (Teams Adaptive Card, Slack
/// blocks, a web card) while <see cref="BotReply.Text"/> keeps a complete Markdown version.
/// </summary>
/// <param name="Dialog">The dialog id.</param>
/// <param name="DialogTitle">The dialog's title, e.g. "Can I use this VPN?".</param>
/// <param name="Verdict">Verdict id: <c>permitted</c>, <c>conditional</c>, <c>not-permitted</c> or <c>needs-review</c>.</param>
/// <param name="Headline">The verdict in one line.</param>
/// <param name="Facts">The facts it relied on, in slot order.</param>
/// <param name="Reason">Why: the rule that decided, in words.</param>
/// <param name="NextSteps">What to do next, in order.</param>
public sealed record VerdictDetails(
    string Dialog,
    string DialogTitle,
    string Verdict,
    string Headline,
    IReadOnlyList<VerdictFact> Facts,
    string Reason,
    IReadOnlyList<string> NextSteps);
