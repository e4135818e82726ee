using System.Text.Json;
using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Telemetry;

/// <summary>
/// Each <see cref="DecisionKind"/> in kebab case (<c>slot-answer</c>), as the audit trail and the metrics name it:
/// worked out once per kind, not on every turn.
/// </summary>
public static class DecisionKindNames
{
    private static readonly Dictionary<DecisionKind, string> Names =
        Enum.GetValues<DecisionKind>().Distinct().ToDictionary(k => k, k => JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString()));

    /// <summary><paramref name="kind"/> in kebab case (a value outside the enum is converted as it comes).</summary>
    public static string Of(DecisionKind kind) =>
        Names.TryGetValue(kind, out var name) ? name : JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
