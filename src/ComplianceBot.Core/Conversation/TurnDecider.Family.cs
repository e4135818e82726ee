using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Conversation;

/// <summary>A family member or housemate on the writer's company channel.</summary>
public static partial class TurnDecider
{
    /// <summary>The synonym group (<c>knowledge/synonyms.yaml</c>) whose terms name a family member or housemate: <c>family-member</c>.</summary>
    public const string FamilyMemberGroupId = "family-member";

    /// <summary>The contract topic on who besides the company's own approved users may use its channel: <c>third-party-access</c>.</summary>
    public const string SharingTopicId = "third-party-access";

    /// <summary>
    /// The synonym groups (<c>knowledge/synonyms.yaml</c>) whose terms name the writer's company VPN or channel:
    /// <c>company-vpn-client</c> (company VPN, office VPN, GlobalProtect, 公司VPN …) and <c>enterprise-channel</c>.
    /// Read from the words alone, not from a check's slots, so the answer is the same with or without dialogs loaded.
    /// </summary>
    public static readonly IReadOnlySet<string> CompanyChannelGroupIds = new HashSet<string>(["company-vpn-client", "enterprise-channel"], StringComparer.Ordinal);

    /// <summary>
    /// A message in which a family member or housemate (the synonym group <see cref="FamilyMemberGroupId"/>) would use
    /// the writer's company VPN or channel ("can my wife use my company vpn at home in beijing", "我老婆可以用我公司的VPN吗")
    /// is a case of sharing the channel: answered by <see cref="SharingTopicId"/>, which says non-employees, family
    /// included, may not use it. Never a check of the writer's own use or trip, nor travel advice. Null otherwise, and when the content lacks the topic.
    /// </summary>
    private static TurnResult? FamilyOnCompanyChannel(TurnAnalysis turn, ConversationState state, ServedContent content, ReplyBuilder replies)
    {
        if (!SlotFiller.ContainsAny(content.CompanyChannelPhrases, turn.Tokens) || !SlotFiller.ContainsAny(content.FamilyMemberPhrases, turn.Tokens)
            || content.Snapshot.Knowledge.FindTopic(SharingTopicId) is not { } topic)
        {
            return null;
        }

        return Said(new Decision(DecisionKind.Answer) { TopicId = topic.Id, Confidence = 1.0, Reason = "a family member on the writer's company channel" },
            replies.Answer(topic, 1.0, state.DisclaimerShown), state);
    }
}
