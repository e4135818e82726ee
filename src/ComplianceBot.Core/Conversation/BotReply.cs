using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// One channel-neutral bot message. Channel adapters render it: Markdown for Teams and web chat, mrkdwn and
/// Block Kit for Slack, plain text for the console.
/// </summary>
public sealed record BotReply
{
    /// <summary>What the reply is.</summary>
    public required ReplyKind Kind { get; init; }

    /// <summary>
    /// The language the reply is written in (the user's language for this turn), so channels label what they add
    /// around the text ("Sources" / "出处", card headings) in the same language; never guessed from the text, which may
    /// quote the other language.
    /// </summary>
    public required Language Language { get; init; }

    /// <summary>The body in Markdown (bold, bullets, links); the first sentence carries the point.</summary>
    public required string Text { get; init; }

    /// <summary>Regulations the reply relies on, shown as a "Sources" line; empty when none.</summary>
    public IReadOnlyList<SourceLine> Sources { get; init; } = [];

    /// <summary>Small print shown last (e.g. the "general guidance, not legal advice" notice and the "as of" date); null when none.</summary>
    public string? Footer { get; init; }

    /// <summary>Buttons offered with the reply, in order.</summary>
    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];

    /// <summary>For <see cref="ReplyKind.Verdict"/> replies, the verdict's parts for card rendering; otherwise null.</summary>
    public VerdictDetails? Verdict { get; init; }

    /// <summary>The machine-readable value (<c>docs/reply-format.md</c>, "Machine-readable replies"); null for replies that carry no knowledge (welcome, small talk).</summary>
    public ReplyValue? Value { get; init; }
}
