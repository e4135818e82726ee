using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// Why a turn went where it did, as data: what kind of turn it was and the ids involved (topic, dialog, slot, facts,
/// verdict, rule). Printed by <see cref="ToString"/> on one line for <c>explain</c>, logs and the audit trail, e.g.
/// <c>start-check travel-check (own situation, 2 facts) facts: destination=mainland-china method=unlicensed-vpn → verdict not-permitted (rule unlicensed-vpn)</c>.
/// </summary>
/// <param name="Kind">Where the turn went.</param>
public sealed record Decision(DecisionKind Kind)
{
    /// <summary>Why, in a few words (the signal that decided: "trigger", "own situation, 2 facts", "button", "number 2" …); null when <see cref="Kind"/> says it all.</summary>
    public string? Reason { get; init; }

    /// <summary>The FAQ topic answered (answer, follow-up); null otherwise.</summary>
    public string? TopicId { get; init; }

    /// <summary>The matcher's confidence for <see cref="TopicId"/>, in [0, 1]; null when none applies.</summary>
    public double? Confidence { get; init; }

    /// <summary>For a follow-up, the topic it followed; null otherwise.</summary>
    public string? From { get; init; }

    /// <summary>The ids offered when the bot asked which was meant (topics, <c>dialog:&lt;id&gt;</c>, or value ids); empty otherwise.</summary>
    public ImmutableArray<string> Candidates { get; init; } = [];

    /// <summary>The out-of-scope group that declined the question (<c>knowledge/out-of-scope.yaml</c>); null otherwise.</summary>
    public string? OutOfScopeGroup { get; init; }

    /// <summary>The place outside mainland China the message is about (a gazetteer id); null otherwise.</summary>
    public string? Place { get; init; }

    /// <summary>The decision dialog involved; null when none.</summary>
    public string? DialogId { get; init; }

    /// <summary>The slot answered or changed; null otherwise.</summary>
    public string? SlotId { get; init; }

    /// <summary>The value given for <see cref="SlotId"/>; null otherwise.</summary>
    public string? Value { get; init; }

    /// <summary>Facts the message stated (slot id to value id), e.g. those a check started with; empty when none.</summary>
    public ImmutableSortedDictionary<string, string> Facts { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The control command acted on; <see cref="DialogCommand.None"/> otherwise.</summary>
    public DialogCommand Command { get; init; }

    /// <summary>The slot the check asks next after this turn; null when it asks nothing.</summary>
    public string? Asks { get; init; }

    /// <summary>The verdict given in this turn; null when none.</summary>
    public string? Verdict { get; init; }

    /// <summary>The id of the rule that gave <see cref="Verdict"/>; null when none.</summary>
    public string? RuleId { get; init; }

    /// <summary>For a <see cref="DecisionKind.CheckAside"/>, what the aside was; null otherwise.</summary>
    public Decision? Aside { get; init; }

    /// <summary>One line: kind, ids, reason, facts, then what the check does next.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Kebab(Kind.ToString()));
        void Part(string? value, string? label = null)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(' ').Append(label is null ? string.Empty : label + " ").Append(value);
            }
        }

        Part(TopicId);
        Part(Confidence?.ToString("0.00", CultureInfo.InvariantCulture) is { } c ? $"({c})" : null);
        Part(From, "after");
        Part(Candidates.IsDefaultOrEmpty ? null : string.Join(" | ", Candidates));
        Part(OutOfScopeGroup, "out-of-scope");
        Part(Place, "place");
        Part(DialogId);
        Part(Command == DialogCommand.None ? null : Kebab(Command.ToString()));
        Part(SlotId is null ? null : Value is null ? SlotId : $"{SlotId}={Value}");
        Part(Reason is null ? null : $"({Reason})");
        Part(Facts.Count == 0 ? null : string.Join(' ', Facts.Select(f => $"{f.Key}={f.Value}")), "facts:");
        Part(Aside?.ToString(), "aside:");
        if (Verdict is not null)
        {
            text.Append(" → verdict ").Append(Verdict);
            Part(RuleId is null ? null : $"(rule {RuleId})");
        }
        else if (Asks is not null)
        {
            text.Append(" → asks ").Append(Asks);
        }

        return text.ToString();
    }

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
