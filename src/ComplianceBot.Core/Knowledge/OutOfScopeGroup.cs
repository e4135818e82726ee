using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Knowledge;

/// <summary>
/// A kind of question the bot deliberately does not answer (IT support, travel bookings, other areas of law…),
/// with examples so the matcher recognises it, and a reply that says where to go instead
/// (file <c>knowledge/out-of-scope.yaml</c>).
/// </summary>
/// <param name="Id">Group id, e.g. <c>it-support</c>; matched as the target <c>oos:&lt;id&gt;</c>.</param>
/// <param name="Reply">What the bot says instead of an answer.</param>
/// <param name="Phrasings">Example questions per language.</param>
public sealed record OutOfScopeGroup(string Id, LocalizedText Reply, IReadOnlyDictionary<Language, IReadOnlyList<string>> Phrasings)
{
    /// <summary>Prefix of out-of-scope targets in match results.</summary>
    public const string TargetPrefix = "oos:";

    /// <summary>
    /// Id of the group whose reply says how to reach the compliance team (<c>compliance-team</c>). Every hand-off
    /// uses that reply (typed "talk to the compliance team", the dialog's hand-off button, a question matched to the
    /// group), so the compliance team keeps its own contact details in the content; the bot falls back to a general
    /// pointer when the group is missing.
    /// </summary>
    public const string ComplianceTeamId = "compliance-team";

    /// <summary>
    /// How to reach the compliance team (key <c>contact</c>, only meaningful in the group <see cref="ComplianceTeamId"/>):
    /// the deployer's channel, mailbox and response time. <see langword="null"/> when none is set: the bot then says
    /// "ask your compliance team" and names no address.
    /// </summary>
    public LocalizedText? Contact { get; init; }

    /// <summary>Whether <paramref name="knowledge"/> sets how to reach the compliance team (the start-up report and /api/status say so when not).</summary>
    public static bool HasComplianceContact(KnowledgeBase knowledge) =>
        knowledge.FindOutOfScope(ComplianceTeamId)?.Contact is not null;
}
