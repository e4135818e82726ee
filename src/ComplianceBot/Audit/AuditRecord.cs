namespace ComplianceBot.Audit;

/// <summary>
/// What the bot did in one turn, as the audit trail keeps it: when, where, for whom (a keyed hash, never the id), what
/// was asked (redacted), why the turn went where it did, what the person was told, and under which content version.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>When the turn was handled (UTC, from the host's clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The channel id (<c>msteams</c>, <c>slack</c>, <c>webchat</c>, <c>emulator</c> …).</summary>
    public required string Channel { get; init; }

    /// <summary>The channel's conversation id (a Slack conversation is <c>team:channel[:thread]</c>).</summary>
    public required string ConversationId { get; init; }

    /// <summary>HMAC-SHA256 of the user id, keyed with <c>Audit:UserIdKey</c>, as 64 lowercase hex digits (see <see cref="UserIdHasher"/>).</summary>
    public required string UserHash { get; init; }

    /// <summary>The message with personal data redacted, then normalised (<see cref="Reporting.PersonalDataRedactor"/>); null for a button click or a welcome.</summary>
    public string? Text { get; init; }

    /// <summary>Where the turn went: the <see cref="Core.Conversation.DecisionKind"/> in kebab case (<c>answer</c>, <c>slot-answer</c> …).</summary>
    public required string Kind { get; init; }

    /// <summary>The turn's <see cref="Core.Conversation.Decision"/> on one line.</summary>
    public required string Decision { get; init; }

    /// <summary>The FAQ topic answered; null when none.</summary>
    public string? TopicId { get; init; }

    /// <summary>The matcher's confidence for <see cref="TopicId"/>, in [0, 1]; null when none.</summary>
    public double? Confidence { get; init; }

    /// <summary>The decision dialog (check) involved; null when none.</summary>
    public string? DialogId { get; init; }

    /// <summary>The slot answered in this turn, or else the one the check asks next; null when none.</summary>
    public string? SlotId { get; init; }

    /// <summary>The verdict given in this turn (<c>permitted</c>, <c>conditional</c>, <c>not-permitted</c>, <c>needs-review</c>); null when none.</summary>
    public string? Verdict { get; init; }

    /// <summary>The facts the verdict relied on (slot id to value id), or those the message stated; empty when none.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Regulation ids cited by the replies (answer or verdict), in order; empty when none.</summary>
    public IReadOnlyList<string> Citations { get; init; } = [];

    /// <summary>The short hash of the content version the replies were built from (as in every reply's <c>contentVersion</c>).</summary>
    public required string ContentVersion { get; init; }
}

/// <summary>How many audited turns had an outcome (and a topic or check), for <c>report turns</c>.</summary>
/// <param name="Outcome">The decision kind (<see cref="AuditRecord.Kind"/>).</param>
/// <param name="Subject">The topic answered or the check involved; null when neither.</param>
/// <param name="Count">Number of turns.</param>
public sealed record TurnCount(string Outcome, string? Subject, long Count);
