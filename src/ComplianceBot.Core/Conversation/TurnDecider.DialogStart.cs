using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Conversation;

/// <summary>Which decision dialog, if any, a message starts.</summary>
public static partial class TurnDecider
{
    /// <summary>A dialog matched at least this confidently starts even when a topic is ranked close behind it. 0.5.</summary>
    public const double DialogStartConfidence = 0.5;

    // How far behind a weakly matched dialog a topic may be ranked and still be answered instead.
    private const double AlternativeTopicMargin = 0.15;

    // How many of the best-ranked targets link a described situation to a dialog (directly or by a topic's offers).
    private const int LinkedCandidates = 3;

    /// <summary>
    /// The dialog a message should start, with why: a confident match to the dialog itself, a clarify whose best
    /// candidate is a dialog and whose other candidates belong to it, or, for a statement describing a situation (not a
    /// question), a dialog linked to the match (the dialog itself or offered by a matched topic) for which the statement
    /// gives at least <see cref="DialogEngine.SlotsForDirectStart"/> facts: one when the writer speaks of their own
    /// situation, one more when the matcher was not confident enough to answer at all. The writer's own situation
    /// stating at least <see cref="DialogEngine.SlotsForDirectStart"/> facts of any dialog starts it when no topic is
    /// answered confidently, and one more fact starts it even then. A dialog with situation cues starts this way only
    /// when the message has one of them; a trip described (one of its cues and a place the writer goes to, with
    /// <see cref="DialogEngine.SlotsForDirectStart"/> facts) starts it before any other. A check of what an organisation
    /// does takes the writer's own situation as theirs only when the writer speaks of we/our.
    /// </summary>
    private static (DialogDefinition? Dialog, string Why) DialogToStart(TurnAnalysis turn, MatchResult match, ServedContent content)
    {
        var snapshot = content.Snapshot;
        var ranked = match.Ranked;
        if (match is { Outcome: MatchOutcome.Answer, Top: { } top } && DialogOf(snapshot, top.Id) is { } matched
            && (top.Confidence >= DialogStartConfidence || AlternativeTopic(content, match, ranked) is null))
        {
            return (matched, "trigger match " + top.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (SameFamily(content, match) is { } single && DialogOf(snapshot, single.Id) is { } family)
        {
            return (family, "a topic and the check it offers");
        }

        if (AskedInAClause(turn, content) is { } asked)
        {
            return (asked, "one clause asks for the check, another states a fact");
        }

        // Where the writer is or goes outside the mainland, the jurisdiction routing answers (no mainland check from these cues).
        var ownPlaceElsewhere = turn.Places.Any(p => p.OwnLocation && p.IsOutsideMainland);
        if (!ownPlaceElsewhere && Requested(turn, match, content) is ({ } requested, var requestWhy))
        {
            return (requested, requestWhy);
        }

        if (!ownPlaceElsewhere && turn.IsQuestion && (turn.IsAboutOwnSituation || turn.IsAboutOwnOrganisation) && OwnCaseQuestion(turn, match, content) is ({ } ownCase, var ownWhy))
        {
            return (ownCase, ownWhy);
        }

        if (turn.IsQuestion)
        {
            return (null, string.Empty); // a general question gets its FAQ answer (which offers the check), even if it names facts
        }

        // A statement describes a situation; one about the writer's own ("I'm travelling to China") needs one fact.
        var own = turn.IsAboutOwnSituation;
        var needed = match.Outcome == MatchOutcome.Fallback ? DialogEngine.SlotsForDirectStart + 1
            : own ? 1
            : DialogEngine.SlotsForDirectStart;
        // A topic matched confidently speaks for the statement alone: a seller offering us a "compliant VPN" is about
        // checking its licence, not about our sharing our channel, though the sharing topics rank behind it.
        var confidentTopic = match is { Outcome: MatchOutcome.Answer, Top.Confidence: >= DialogStartConfidence };
        var linked = ranked.Take(confidentTopic ? 1 : LinkedCandidates)
            .SelectMany(c => DialogOf(snapshot, c.Id) is { } d ? [d] : Offered(snapshot, c.Id))
            .DistinctBy(d => d.Id)
            .Select(d => (Dialog: d, Reading: turn.StatedFor(d.Id)))
            .Where(x => x.Reading is not null && x.Reading.Reading.Values.Count >= (OwnCaseOf(turn, x.Dialog) ? needed : Math.Max(needed, DialogEngine.SlotsForDirectStart)))
            .Select(x => (x.Dialog, x.Reading!, Why: "situation linked to the match"));

        // The writer's own situation stating enough facts of any dialog starts it when no topic answers confidently
        // ("I'm in Beijing and use China Unicom's international service to browse Facebook"), whatever the matcher ranked.
        // Even when a topic answers confidently, one more fact than that describes the writer's own situation fully enough
        // to check it ("I'm not in China, I use my employer's channel for work": where, what and what for).
        var describedNeeds = match is { Outcome: MatchOutcome.Answer, Top.Confidence: >= DialogStartConfidence }
            ? DialogEngine.SlotsForDirectStart + 1
            : DialogEngine.SlotsForDirectStart;
        var described = own
            ? snapshot.Dialogs.Select(d => (Dialog: d, Reading: turn.StatedFor(d.Id)))
                .Where(x => x.Reading is not null && x.Reading.Reading.Values.Count >= describedNeeds && OwnCaseOf(turn, x.Dialog))
                .Select(x => (x.Dialog, x.Reading!, Why: "own situation"))
            : [];

        // A trip described ("going to beijing for work, using the approved company channel"): a dialog whose situation cue
        // stands right before a place the writer goes to, stating enough facts, is the writer's trip, whoever speaks.
        var ownPlaces = turn.Places.Where(p => p.OwnLocation).Select(p => UtteranceTokens.Of(p.Name)).ToList();
        var trip = ownPlaces.Count > 0
            ? snapshot.Dialogs.Select(d => (Dialog: d, Reading: turn.StatedFor(d.Id)))
                .Where(x => x.Reading is { HasOwnCue: true } && x.Reading.Reading.Values.Count >= DialogEngine.SlotsForDirectStart
                            && ownPlaces.Any(p => content.FindDialogIndex(x.Dialog.Id)?.CueBefore(turn.Tokens, p) == true))
                .Select(x => (x.Dialog, x.Reading!, Why: "a trip described"))
            : [];

        // A described trip wins, then the most facts; a dialog with situation cues (a trip) needs one of them, so that
        // "I'm in Shanghai and use a VPN" is not read as a trip to Shanghai.
        var best = trip.Concat(linked).Concat(described)
            .Where(x => x.Item2.HasSituationCue)
            .OrderByDescending(x => x.Why == "a trip described")
            .ThenByDescending(x => x.Item2.Reading.Values.Count)
            .FirstOrDefault();
        return best.Dialog is null ? (null, string.Empty) : (best.Dialog, $"{best.Why}: {best.Item2.Reading.Values.Count} stated");
    }

    /// <summary>
    /// True when the writer's own situation (<see cref="TurnAnalysis.IsAboutOwnSituation"/>) is the case <paramref name="dialog"/>
    /// checks: always, except for a check of what an organisation does (sharing its channel), which needs the writer to
    /// speak of we/our. "I'm a contractor" (我是外包的) is about the writer, not their employer's sharing of its channel.
    /// </summary>
    private static bool OwnCaseOf(TurnAnalysis turn, DialogDefinition dialog) =>
        dialog.SituationOf != SituationOf.Organisation || turn.IsAboutOwnOrganisation;

    /// <summary>
    /// A message that asks to have the writer's case checked ("help me decide whether my VPN is ok", "check if we can let
    /// an affiliate use our channel", "帮我判断…"): the dialog with the most check request phrases and stated facts in the
    /// message (ties: a dialog whose situation cue the message has, then the one the FAQ match ranks or links first).
    /// (null, "") when no dialog's request phrase is in the message.
    /// </summary>
    private static (DialogDefinition? Dialog, string Why) Requested(TurnAnalysis turn, MatchResult match, ServedContent content)
    {
        // A question the FAQ answers confidently ("海外员工能用我们的专线访问国内系统吗") needs more than a request-like wording and one fact.
        var confidentQuestion = turn.IsQuestion && match is { Outcome: MatchOutcome.Answer, Top.Confidence: >= DialogStartConfidence };

        // A request phrase alone may be a question's wording ("能用我们的专线吗"): it needs a fact, or a second request phrase.
        var best = turn.Stated
            .Where(r => r.Requests > 0 && r.HasSituationCue && (r.Reading.Values.Count >= 1 || r.Requests >= 2)
                        && (!confidentQuestion || r.Requests + r.Reading.Values.Count >= 3))
            .OrderByDescending(r => r.Requests + r.Reading.Values.Count)
            .ThenByDescending(r => r.HasOwnCue)
            .ThenBy(r => LinkRank(content, match, r.DialogId))
            .FirstOrDefault();
        return best is null || content.Snapshot.FindDialog(best.DialogId) is not { } dialog
            ? (null, string.Empty)
            : (dialog, $"asks to be checked: {best.Reading.Values.Count} stated");
    }

    /// <summary>
    /// A question about the writer's own case or their organisation's ("I'm flying to Beijing, can I use LetsVPN?",
    /// "can our sister company in Malaysia use our MPLS line?") that states one of a dialog's situation slots and at
    /// least one more fact: the dialog stating the most facts (ties: a situation cue, then the FAQ match's ranking).
    /// </summary>
    private static (DialogDefinition? Dialog, string Why) OwnCaseQuestion(TurnAnalysis turn, MatchResult match, ServedContent content)
    {
        // A question the FAQ answers confidently is a general one unless it says more than two facts, a trip counting as
        // one ("is nordvpn ok in china if i have a paid acct" is answered; "heading to Shenzhen next week, can I use
        // Astrill there?" is checked).
        var needed = match is { Outcome: MatchOutcome.Answer, Top.Confidence: >= DialogStartConfidence }
            ? DialogEngine.SlotsForDirectStart + 1
            : DialogEngine.SlotsForDirectStart;
        var best = turn.Stated
            .Where(r => r.HasSituationCue && r.Reading.Values.Count >= DialogEngine.SlotsForDirectStart
                        && r.Reading.Values.Count + (r.HasOwnCue ? 1 : 0) >= needed)
            .Select(r => (Reading: r, Dialog: content.Snapshot.FindDialog(r.DialogId)))
            .Where(x => x.Dialog?.SituationSlots is { Count: > 0 } slots && slots.Any(x.Reading.Reading.Values.ContainsKey)
                        && x.Dialog.SituationOf switch
                        {
                            SituationOf.Person => QuestionForm.AsksAboutWriter(turn.Text, plural: false),
                            SituationOf.Organisation => QuestionForm.AsksAboutWriter(turn.Text, plural: true),
                            _ => QuestionForm.AsksAboutWriter(turn.Text, plural: false) || QuestionForm.AsksAboutWriter(turn.Text, plural: true),
                        })
            .OrderByDescending(x => x.Reading.Reading.Values.Count)
            .ThenByDescending(x => x.Reading.HasOwnCue)
            .ThenBy(x => LinkRank(content, match, x.Reading.DialogId))
            .FirstOrDefault();
        return best.Dialog is null ? (null, string.Empty) : (best.Dialog, $"question about the writer's own case: {best.Reading.Reading.Values.Count} stated");
    }

    /// <summary>Where the FAQ match ranks dialog <paramref name="dialogId"/>: the position of the dialog itself or of the first ranked topic offering it; <see cref="int.MaxValue"/> when neither.</summary>
    private static int LinkRank(ServedContent content, MatchResult match, string dialogId)
    {
        var ranked = match.Ranked;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (DialogOf(content.Snapshot, ranked[i].Id)?.Id == dialogId || Offered(content.Snapshot, ranked[i].Id).Any(d => d.Id == dialogId))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>
    /// For a message of several clauses that as a whole matches nothing confidently ("I'm not in China, I'm in London,
    /// can I use my VPN?"), the dialog whose own question one clause asks (a confident match to its triggers) while the
    /// message states at least one of its facts: the other clauses describe the situation the question is about. Null
    /// otherwise; a message the whole of which is understood ("business trip to Beijing, can I use my VPN there") keeps
    /// its meaning.
    /// </summary>
    private static DialogDefinition? AskedInAClause(TurnAnalysis turn, ServedContent content)
    {
        foreach (var clause in turn.QuestionClauses)
        {
            if (clause.Match is { Outcome: MatchOutcome.Answer, Top: { } top } && top.Confidence >= DialogStartConfidence
                && DialogOf(content.Snapshot, top.Id) is { } dialog && turn.StatedFor(dialog.Id)?.Reading.Values.Count >= 1)
            {
                return dialog;
            }
        }

        return null;
    }

    /// <summary>
    /// When a dialog is matched without much confidence, the best topic ranked close behind it: the question is then
    /// answered from the FAQ (with its "Check my situation" offer), since a generic question such as "cite the
    /// regulation for vpn use" should get an answer, not a questionnaire. Null when no topic is that close.
    /// </summary>
    private static MatchCandidate? AlternativeTopic(ServedContent content, MatchResult match, IReadOnlyList<MatchCandidate> ranked)
    {
        var top = match.Top!;
        return ranked.FirstOrDefault(c => content.Snapshot.Knowledge.FindTopic(c.Id) is not null
                                          && c.Confidence >= top.Confidence - AlternativeTopicMargin);
    }

    /// <summary>
    /// For a clarify reply whose candidates are one topic and the dialogs it offers (not a real ambiguity), the best of
    /// them; otherwise null.
    /// </summary>
    private static MatchCandidate? SameFamily(ServedContent content, MatchResult match)
    {
        if (match.Outcome != MatchOutcome.Clarify)
        {
            return null;
        }

        var snapshot = content.Snapshot;
        var topics = match.Candidates.Select(c => snapshot.Knowledge.FindTopic(c.Id)).OfType<Topic>().ToList();
        var dialogs = match.Candidates.Select(c => DialogOf(snapshot, c.Id)).OfType<DialogDefinition>().ToList();
        var linked = topics.Count == 1 && dialogs.Count >= 1 && topics.Count + dialogs.Count == match.Candidates.Count
                     && dialogs.All(d => topics[0].Offers.Contains(d.TargetId));
        return linked ? match.Candidates[0] : null;
    }

    private static DialogDefinition? DialogOf(ContentSnapshot snapshot, string targetId) =>
        targetId.StartsWith(DialogDefinition.TargetPrefix, StringComparison.Ordinal)
            ? snapshot.FindDialog(targetId[DialogDefinition.TargetPrefix.Length..])
            : null;

    private static IEnumerable<DialogDefinition> Offered(ContentSnapshot snapshot, string topicId) =>
        snapshot.Knowledge.FindTopic(topicId)?.Offers.Select(o => DialogOf(snapshot, o)).OfType<DialogDefinition>() ?? [];
}
