using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Conversation;

/// <summary>A family member or housemate on the writer's company channel.</summary>
public static partial class TurnDecider
{
    /// <summary>The synonym group (<c>knowledge/synonyms.yaml</c>) whose terms name a family member or housemate: <c>family-member</c>.</summary>
    public const string FamilyMemberGroupId = "family-member";

    /// <summary>The contract topic on who besides the company's own approved users may use its channel: <c>third-party-access</c>.</summary>
    public const string SharingTopicId = "third-party-access";

    // The personal check's slot and values that say the connection is the employer's (a company VPN app, or the approved channel).
    private static readonly (string Dialog, string Slot)[] CompanyChannelSlots = [("personal-vpn-check", "provider"), ("travel-check", "method")];
    private static readonly string[] CompanyChannelValues = ["employer-channel", "unsure"];

    /// <summary>
    /// A message in which a family member or housemate (the synonym group <see cref="FamilyMemberGroupId"/>) would use
    /// the writer's company VPN or channel ("can my wife use my company vpn at home in beijing", "我老婆可以用我公司的VPN吗")
    /// is a case of sharing the channel: answered by <see cref="SharingTopicId"/>, which says non-employees, family
    /// included, may not use it. Never a check of the writer's own use or trip, nor travel advice. Null otherwise, and when the content lacks the topic.
    /// </summary>
    private static TurnResult? FamilyOnCompanyChannel(TurnAnalysis turn, ConversationState state, ServedContent content, ReplyBuilder replies)
    {
        var companyChannel = CompanyChannelSlots.Any(s => turn.StatedFor(s.Dialog)?.Reading.Values.GetValueOrDefault(s.Slot) is { } value
                                                          && CompanyChannelValues.Contains(value));
        if (!companyChannel || !SlotFiller.ContainsAny(content.FamilyMemberPhrases, turn.Tokens)
            || content.Snapshot.Knowledge.FindTopic(SharingTopicId) is not { } topic)
        {
            return null;
        }

        return Said(new Decision(DecisionKind.Answer) { TopicId = topic.Id, Confidence = 1.0, Reason = "a family member on the writer's company channel" },
            replies.Answer(topic, 1.0, state.DisclaimerShown), state);
    }
}
