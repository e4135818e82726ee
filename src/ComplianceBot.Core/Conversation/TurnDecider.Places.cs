using ComplianceBot.Core.Places;

namespace ComplianceBot.Core.Conversation;

/// <summary>Questions and situations set outside mainland China.</summary>
public static partial class TurnDecider
{
    /// <summary>
    /// The place outside mainland China that the message is set in, or null: where the user puts themselves, when none
    /// of those places is on the mainland ("I'm in Tokyo, can I keep using ExpressVPN?", "我在香港可以用VPN吗"); else,
    /// when the user does not place themselves, where the question is set, when none of those is on the mainland ("is
    /// using a vpn legal in the UAE", "在日本用VPN合法吗"). Someone else's place ("a client in Berlin") and a place only
    /// named ("from Germany") set nothing, and a mainland place keeps the question on the mainland (a Hong Kong SIM
    /// used in Shenzhen).
    /// </summary>
    public static PlaceMention? OutsideMainland(TurnAnalysis turn)
    {
        if (turn.Places.IsDefaultOrEmpty)
        {
            return null;
        }

        var own = turn.Places.Where(p => p.OwnLocation).ToList();
        var set = own.Count > 0 ? own : turn.Places.Where(p => p.Role == PlaceRole.Setting).ToList();
        return set.Count > 0 && set.All(p => p.IsOutsideMainland) ? set[0] : null;
    }

    /// <summary>
    /// True when a check that the message starts takes its own route outside the mainland: the dialog has a place slot
    /// (<c>places.yaml</c>, <c>place_slots</c>) and the message's places fill it with a value other than the mainland's
    /// ("I'm in Germany right now, am I allowed to use this VPN?" gets the check's needs-review verdict).
    /// </summary>
    private static bool RoutesOutsideMainland(TurnAnalysis turn, Dialogs.DialogDefinition dialog, ServedContent content) =>
        content.Snapshot.Places.SlotOf(dialog.Id) is { } slot
        && turn.StatedFor(dialog.Id)?.Reading.Values.GetValueOrDefault(slot.SlotId) is { } value
        && value != slot.Values[Jurisdiction.MainlandChina];

    /// <summary>
    /// For a message set outside mainland China (<see cref="OutsideMainland"/>), the answer of that jurisdiction's
    /// topic (<c>knowledge/places.yaml</c>: <c>hong-kong-macau</c>, <c>other-jurisdictions</c>) introduced by a line
    /// naming the place, never a mainland-law answer; null otherwise (or when the content lacks the topic).
    /// </summary>
    private static TurnResult? OutOfJurisdiction(TurnAnalysis turn, ConversationState state, ServedContent content, ReplyBuilder replies)
    {
        if (OutsideMainland(turn) is not { } place
            || content.Snapshot.Places.TopicFor(place.Jurisdiction) is not { } topicId
            || content.Snapshot.Knowledge.FindTopic(topicId) is not { } topic)
        {
            return null;
        }

        var decision = new Decision(DecisionKind.OutOfJurisdiction)
        {
            TopicId = topic.Id,
            Place = place.PlaceId,
            Reason = $"{place.Name}: {(place.OwnLocation ? "where the user is or goes" : "where the question is set")}",
        };
        var answer = replies.Answer(topic, 1.0, state.DisclaimerShown);
        var intro = Phrases.OutsideMainland(answer.Language, place.Name);
        return Said(decision, answer with { Text = intro + "\n\n" + answer.Text }, state);
    }
}
