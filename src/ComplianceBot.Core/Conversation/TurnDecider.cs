using System.Collections.Immutable;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// The pure decision step of a turn: from the message's <see cref="TurnAnalysis"/>, the conversation's state and the
/// served content to a <see cref="TurnResult"/> (why, the replies, the next state). No side effects, no clock, no
/// I/O: the same inputs give the same result, so a turn can be tested, replayed and explained without a host.
/// </summary>
/// <remarks>
/// Order: a <c>{"start": id}</c> or dialog control button; a message that is only a number ("2", "the second one",
/// "第二个"), which clicks that button of the last reply that offered buttons (inside a check only buttons beyond the
/// question's choices, which the check reads itself); the check waiting for an answer (it gets the first chance at
/// every other message; an unrelated question is answered and the check resumes); "start over" / "change an answer"
/// after a verdict; a topic button; small talk (hello, thanks, bye, help); a control word outside a check ("why" after
/// a verdict explains it again; "back", "stop"… say no check is running); a hand-off request; a question or situation
/// set outside mainland China (<see cref="OutsideMainland"/>), which gets its jurisdiction's topic, never a
/// mainland-law answer or check (inside a check, the place fills the check's place slot instead); then matching. A
/// confident match to a dialog's triggers, or a statement that gives facts of a dialog (<see cref="DialogToStart"/>),
/// starts that dialog with the facts stated. Everything else is answered by the topics-only matcher
/// (<see cref="ServedContent.TopicsMatcher"/>), exactly as without dialogs; answers offer their dialogs as a "Check my
/// situation" button. The new state remembers the buttons of the turn's last reply that has any, whether the notice
/// was shown, the last topic answered and the language.
/// </remarks>
public static partial class TurnDecider
{
    /// <summary>The FAQ topic that says what the bot does: greetings and "help" answer with it.</summary>
    public const string AboutTopicId = "about-bot";

    /// <summary>Decides the turn <paramref name="turn"/> in a conversation in <paramref name="state"/> over <paramref name="content"/>.</summary>
    public static TurnResult Decide(TurnAnalysis turn, ConversationState state, ServedContent content)
    {
        var entered = state with { Turn = state.Turn + 1, LastStated = [] };
        return Remember(Route(turn, entered, content, picked: null, earlier: state.LastStated.IsDefault ? [] : state.LastStated));
    }

    /// <summary>The welcome for member <paramref name="memberId"/>, or no reply if that member was already welcomed.</summary>
    public static TurnResult Welcome(string memberId, string? locale, ConversationState state, ServedContent content)
    {
        var decision = new Decision(DecisionKind.Welcome) { Reason = memberId };
        if (state.WelcomedMembers.Contains(memberId))
        {
            return new TurnResult(decision with { Reason = memberId + " already welcomed" }, [], state);
        }

        var language = LanguageCodes.FromLocale(locale) ?? LanguageCodes.FromCode(state.Language) ?? Language.English;
        var builder = new ReplyBuilder(content, language);
        return Remember(new TurnResult(decision, [builder.Plain(ReplyKind.Welcome, Phrases.Welcome(language), builder.MainTopics())],
            state with { WelcomedMembers = state.WelcomedMembers.Add(memberId) }));
    }

    /// <summary>
    /// The question of the check waiting for an answer, asked again in <paramref name="language"/> without changing the
    /// check (for a message the host did not read, e.g. one over the length limit); no replies when none waits.
    /// </summary>
    public static TurnResult RepeatQuestion(ConversationState state, Language language, ServedContent content)
    {
        var result = new DialogEngine(content, language).Repeat(state);
        return result.Replies.Count == 0 ? result : Remember(result);
    }

    private static TurnResult Route(TurnAnalysis turn, ConversationState state, ServedContent content, string? picked,
        ImmutableArray<StatedFacts> earlier)
    {
        if (turn.LanguageFromText)
        {
            state = state with { Language = turn.Language.ToCode() };
        }

        var language = turn.Language;
        var replies = new ReplyBuilder(content, language);
        var dialogs = new DialogEngine(content, language);
        var input = turn.Input;
        if (input.Value is { } buttons)
        {
            if (buttons.TryGetValue(DialogActions.StartKey, out var dialogId))
            {
                // "Check my situation" under an answer: the facts the question stated are kept, not asked again.
                var (kept, carried) = WithEarlierFacts(null, state.InCheck ? null : earlier.FirstOrDefault(f => f.DialogId == dialogId));
                var button = picked ?? "start button";
                return carried > 0
                    ? dialogs.Start(dialogId, state, button + $"; {carried} stated before", kept!)
                    : dialogs.Start(dialogId, state, button);
            }

            if (buttons.ContainsKey(DialogActions.DialogKey))
            {
                return dialogs.Act(buttons, state);
            }
        }

        if (turn.Number is { } number && PickButton(number, turn, state, content, replies, dialogs, earlier) is { } clicked)
        {
            return clicked;
        }

        if (state.InCheck)
        {
            return dialogs.Continue(turn, state, () => Aside(turn, state, content, replies));
        }

        if (input.Value?.ContainsKey(DialogActions.SlotKey) == true)
        {
            return dialogs.OrphanSubmit(state);
        }

        if (dialogs.AfterVerdict(turn, state) is { } afterVerdict)
        {
            return afterVerdict;
        }

        if (turn.Control == DialogCommand.None && dialogs.Correct(turn, state) is { } corrected)
        {
            return corrected;
        }

        var knowledge = content.Snapshot.Knowledge;
        if (input.Value is { } value && value.TryGetValue("topic", out var topicId))
        {
            return knowledge.FindTopic(topicId) is { } topic
                ? Said(new Decision(DecisionKind.Answer) { TopicId = topic.Id, Confidence = 1.0, Reason = picked ?? "topic button" },
                    replies.Answer(topic, 1.0, state.DisclaimerShown), state)
                : Said(new Decision(DecisionKind.UnknownTopic) { TopicId = topicId }, replies.Fallback(Phrases.UnknownTopic(language)), state);
        }

        if (turn.Normalized.Length == 0)
        {
            var noText = input.AttachmentCount > 0 ? Phrases.NoText(language) : Phrases.Empty(language);
            return Said(new Decision(DecisionKind.NoText) { Reason = input.AttachmentCount > 0 ? "attachments only" : "empty" },
                replies.Plain(ReplyKind.NoText, noText, replies.MainTopics()), state);
        }

        if (SmallTalkReply(turn, state, content, replies, outsideCheck: true) is { } smallTalk)
        {
            return smallTalk;
        }

        if (turn.Number is not null)
        {
            // A number on its own, with no list to pick from: not a question ("3" must not match a topic that has a 3).
            return Said(new Decision(DecisionKind.Number) { Reason = "no list to pick from" },
                replies.Plain(ReplyKind.SmallTalk, Phrases.NumberWithoutList(language), replies.MainTopics()), state);
        }

        switch (turn.Control)
        {
            case DialogCommand.None:
                break;
            case DialogCommand.Handoff:
                return Said(new Decision(DecisionKind.Handoff) { Reason = "asked for" }, replies.HandoffReply(), state);
            case var command:
                return dialogs.Outside(command, state);
        }

        if (FollowUpOf(turn, state, content, replies) is { } followUp)
        {
            return followUp;
        }

        if (AnswerToOfferedCheck(turn, state, content, dialogs, earlier) is { } offeredCheck)
        {
            return offeredCheck; // "vpn ok?" answered with "Check my situation", then "shanghai": the check starts from it
        }

        var toStart = turn.DialogsMatch is { } withDialogs ? DialogToStart(turn, withDialogs, content) : (null, string.Empty);
        if (toStart.Dialog is not { } startable || !RoutesOutsideMainland(turn, startable, content))
        {
            if (OutOfJurisdiction(turn, state, content, replies) is { } elsewhere)
            {
                return elsewhere; // never a mainland-law answer or check for a question set outside the mainland
            }
        }

        if (FamilyOnCompanyChannel(turn, state, content, replies) is { } family)
        {
            return family; // someone else on the writer's company channel: not the writer's own check, not travel advice
        }

        if (toStart is ({ } situation, var why))
        {
            // "im in beijing, can i use vpn" answered, then "actually I use ExpressVPN": the check starts with both facts.
            var (reading, carried) = WithEarlierFacts(turn.StatedFor(situation.Id)?.Reading, earlier.FirstOrDefault(f => f.DialogId == situation.Id));
            return dialogs.Start(situation, state, reading,
                new Decision(DecisionKind.StartCheck) { Reason = carried > 0 ? $"{why}; {carried} stated before" : why });
        }

        var faq = Faq(turn, state, content, replies);
        var stated = turn.Stated.Where(r => r.Reading.Values.Count > 0)
            .Select(r => new StatedFacts(r.DialogId, r.Reading.Values.ToImmutableSortedDictionary(StringComparer.Ordinal)))
            .ToImmutableArray();
        return faq with { NewState = faq.NewState with { LastStated = stated } };
    }

    /// <summary>
    /// <paramref name="reading"/> with the facts the previous message stated for the same dialog
    /// (<see cref="ConversationState.LastStated"/>) added where this message states none for the slot; and how many
    /// were added. A slot this message names, even ambiguously, keeps what this message says.
    /// </summary>
    private static (SlotReading? Reading, int Carried) WithEarlierFacts(SlotReading? reading, StatedFacts? earlier)
    {
        if (earlier is not { Facts.Count: > 0 })
        {
            return (reading, 0);
        }

        reading ??= SlotReading.Nothing;
        var values = new Dictionary<string, string>(reading.Values, StringComparer.Ordinal);
        var carried = 0;
        foreach (var (slot, value) in earlier.Facts)
        {
            if (!values.ContainsKey(slot) && !reading.Ambiguous.ContainsKey(slot) && !reading.Negated.Contains(slot) && !reading.Open.Contains(slot))
            {
                values[slot] = value;
                carried++;
            }
        }

        return carried == 0 ? (reading, 0) : (reading with { Values = values }, carried);
    }

    /// <summary>The FAQ answer from the topics alone, as if there were no dialogs: an answer, a clarify, or the fallback.</summary>
    private static TurnResult Faq(TurnAnalysis turn, ConversationState state, ServedContent content, ReplyBuilder replies)
    {
        var knowledge = content.Snapshot.Knowledge;
        var match = turn.TopicsMatch!;
        switch (match.Outcome)
        {
            case MatchOutcome.Answer when knowledge.FindTopic(match.Top!.Id) is { } topic:
                return Said(new Decision(DecisionKind.Answer) { TopicId = topic.Id, Confidence = match.Top.Confidence },
                    replies.Answer(topic, match.Top.Confidence, state.DisclaimerShown), state);
            case MatchOutcome.Clarify:
                return Said(new Decision(DecisionKind.Clarify) { Candidates = [.. match.Candidates.Select(c => c.Id)] },
                    replies.Clarify(match.Candidates), state);
            default:
                var declined = match.Top is { } oos && oos.Id.StartsWith(OutOfScopeGroup.TargetPrefix, StringComparison.Ordinal)
                    ? knowledge.FindOutOfScope(oos.Id[OutOfScopeGroup.TargetPrefix.Length..])
                    : null;
                if (declined?.Id == OutOfScopeGroup.ComplianceTeamId)
                {
                    // "how do I reach the compliance team": a hand-off, not a question left open
                    return Said(new Decision(DecisionKind.Handoff) { OutOfScopeGroup = declined.Id }, replies.HandoffReply(), state);
                }

                var language = replies.Language;
                var fallback = new Decision(DecisionKind.Fallback) { OutOfScopeGroup = declined?.Id };
                return declined is null
                    ? Said(fallback, replies.Fallback(Phrases.Fallback(language)), state)
                    : Said(fallback, replies.Fallback(declined.Reply.For(language) + " " + Phrases.WhatICover(language), declined.Id), state);
        }
    }

    /// <summary>A follow-up of this many comparison tokens or fewer can lack a subject ("and for companies?", "那企业呢"). 7.</summary>
    public const int MaxFollowUpTokens = 7;

    /// <summary>
    /// A short message without a subject of its own ("and for companies?", "what about fines?", "那企业呢") read against
    /// the topic answered last, through <c>knowledge/follow-ups.yaml</c>: the topic the follow-up maps the last topic to.
    /// Null when there is no last topic, the message is longer than <see cref="MaxFollowUpTokens"/>, has no follow-up
    /// phrase for the last topic, or is a question the FAQ answers confidently on its own without starting like a follow-up.
    /// </summary>
    private static TurnResult? FollowUpOf(TurnAnalysis turn, ConversationState state, ServedContent content, ReplyBuilder replies)
    {
        if (state.LastTopicId is not { } last || turn.FollowUps.IsDefaultOrEmpty || turn.Tokens.Length > MaxFollowUpTokens
            || (turn.TopicsMatch is { Outcome: MatchOutcome.Answer, Top.Confidence: >= DialogStartConfidence } && !turn.StartsAsFollowUp))
        {
            return null;
        }

        var knowledge = content.Snapshot.Knowledge;
        foreach (var id in turn.FollowUps)
        {
            if (content.Snapshot.FollowUps.Items.FirstOrDefault(f => f.Id == id) is { } followUp
                && followUp.From.TryGetValue(last, out var target) && target != last && knowledge.FindTopic(target) is { } topic)
            {
                return Said(new Decision(DecisionKind.FollowUp) { TopicId = topic.Id, From = last, Reason = "follow-up " + id },
                    replies.Answer(topic, 1.0, state.DisclaimerShown), state);
            }
        }

        return null;
    }

    /// <summary>
    /// A short statement right after an answer that offered a check ("Check my situation"), which states a fact of that
    /// check and which no topic answers confidently, or which says nothing but facts of that check
    /// (<see cref="DialogIndex.SaysOnlyFacts"/>) ("vpn ok?" answered, then "shanghai", "company vpn" or 在上海): the
    /// writer is describing their case, so the check starts with that fact (and any the earlier message stated). Null
    /// when no check was offered, the message is a question, longer than <see cref="MaxFollowUpTokens"/>, states none
    /// of its facts, or has words of its own that a topic answers confidently.
    /// </summary>
    private static TurnResult? AnswerToOfferedCheck(TurnAnalysis turn, ConversationState state, ServedContent content, DialogEngine dialogs,
        ImmutableArray<StatedFacts> earlier)
    {
        if (state.InCheck || turn.IsQuestion || turn.Tokens.Length > MaxFollowUpTokens || state.OfferedButtons.IsDefaultOrEmpty)
        {
            return null;
        }

        // A topic answering confidently speaks for a message with words of its own ("penalties for subleasing"); a message
        // of nothing but the check's facts ("mpls from china telecom", 在上海) is the answer to the offer all the same.
        var confidentTopic = turn.TopicsMatch is { Outcome: MatchOutcome.Answer, Top.Confidence: >= DialogStartConfidence };
        var placeWords = confidentTopic ? turn.Places.SelectMany(p => UtteranceTokens.Of(p.Name)).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var button in state.OfferedButtons)
        {
            if (button.Value?.GetValueOrDefault(DialogActions.StartKey) is { } dialogId && content.Snapshot.FindDialog(dialogId) is { } dialog
                && turn.StatedFor(dialog.Id)?.Reading is { Values.Count: > 0 } reading
                && (!confidentTopic || content.FindDialogIndex(dialog.Id)?.SaysOnlyFacts(turn.Tokens, placeWords) == true))
            {
                var (kept, carried) = WithEarlierFacts(reading, earlier.FirstOrDefault(f => f.DialogId == dialog.Id));
                var why = $"states {reading.Values.Count} fact(s) of the check offered by the last answer" + (carried > 0 ? $"; {carried} stated before" : string.Empty);
                return dialogs.Start(dialog, state, kept, new Decision(DecisionKind.StartCheck) { Reason = why });
            }
        }

        return null;
    }

    /// <summary>
    /// A message that is only a number picks button <paramref name="number"/> of the last reply that offered buttons,
    /// as if it had been clicked. Null when the message is for someone else: no buttons were offered (then it gets a
    /// "just a number" reply later), or a check waits and the number is one of its question's choices (the check reads
    /// it). A number beyond the list gets the list again.
    /// </summary>
    private static TurnResult? PickButton(int number, TurnAnalysis turn, ConversationState state, ServedContent content,
        ReplyBuilder replies, DialogEngine dialogs, ImmutableArray<StatedFacts> earlier)
    {
        var offered = state.OfferedButtons.IsDefault ? [] : state.OfferedButtons;
        if (offered.Length == 0)
        {
            return null;
        }

        if (number < 1 || number > offered.Length)
        {
            if (state.InCheck)
            {
                return dialogs.NoSuchOption(state, number, offered.Length);
            }

            return Said(new Decision(DecisionKind.Number) { Reason = $"no option {number} of {offered.Length}" },
                replies.Plain(ReplyKind.SmallTalk, Phrases.NoSuchOption(replies.Language, number, offered.Length),
                    offered.Select(b => new ReplyAction(b.Title, b.Value ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>())).ToList()),
                state);
        }

        var button = offered[number - 1];
        if (turn.PickedButton is not { } click || (state.InCheck && !button.Value!.ContainsKey(DialogActions.DialogKey)))
        {
            return null; // no data, or an answer to the check's question: the check reads the number as that choice
        }

        var how = turn.NumberFromTitle ? $"typed the title of button {number}" : $"typed {number}";
        return Route(click, state, content, picked: $"{how}: the button \"{button.Title}\"", earlier);
    }

    /// <summary>
    /// Answers a message sent during a check that is not an answer: a topic button, small talk, or a question the
    /// FAQ matcher answers confidently (or, if it asks something, which topic was meant). Null otherwise.
    /// </summary>
    private static TurnResult? Aside(TurnAnalysis turn, ConversationState state, ServedContent content, ReplyBuilder replies)
    {
        var knowledge = content.Snapshot.Knowledge;
        if (turn.Input.Value is { } value && value.TryGetValue("topic", out var topicId))
        {
            return knowledge.FindTopic(topicId) is { } clicked
                ? Said(new Decision(DecisionKind.Answer) { TopicId = clicked.Id, Confidence = 1.0, Reason = "topic button" },
                    replies.Answer(clicked, 1.0, state.DisclaimerShown), state)
                : null;
        }

        if (SmallTalkReply(turn, state, content, replies, outsideCheck: false) is { } smallTalk)
        {
            return smallTalk;
        }

        var match = turn.TopicsMatch;
        if (match is not null && OutOfJurisdiction(turn, state, content, replies) is { } elsewhere)
        {
            return elsewhere;
        }

        if (match is { Outcome: MatchOutcome.Answer } && knowledge.FindTopic(match.Top!.Id) is { } topic)
        {
            return Said(new Decision(DecisionKind.Answer) { TopicId = topic.Id, Confidence = match.Top.Confidence },
                replies.Answer(topic, match.Top.Confidence, state.DisclaimerShown), state);
        }

        return match is { Outcome: MatchOutcome.Clarify } && turn.IsQuestion && match.Candidates.All(c => knowledge.FindTopic(c.Id) is not null)
            ? Said(new Decision(DecisionKind.Clarify) { Candidates = [.. match.Candidates.Select(c => c.Id)] }, replies.Clarify(match.Candidates), state)
            : null;
    }

    /// <summary>
    /// Greetings, thanks, farewells; outside a check a greeting is answered with what the bot does (the about-bot topic,
    /// introduced by a hello) and "help" with that topic. Null when the message is no small talk (or "help" with no such topic).
    /// </summary>
    private static TurnResult? SmallTalkReply(TurnAnalysis turn, ConversationState state, ServedContent content, ReplyBuilder replies, bool outsideCheck)
    {
        var language = replies.Language;
        var about = outsideCheck ? content.Snapshot.Knowledge.FindTopic(AboutTopicId) : null;
        var decision = new Decision(DecisionKind.SmallTalk) { Reason = turn.SmallTalk.ToString().ToLowerInvariant() };
        return turn.SmallTalk switch
        {
            SmallTalkKind.Greeting when about is not null =>
                Said(decision with { TopicId = about.Id }, Greet(replies.Answer(about, 1.0, state.DisclaimerShown), about), state),
            SmallTalkKind.Greeting => Said(decision,
                replies.Plain(ReplyKind.SmallTalk, Phrases.Greeting(language), outsideCheck ? replies.MainTopics() : null), state),
            SmallTalkKind.Thanks => Said(decision, replies.Plain(ReplyKind.SmallTalk, Phrases.Thanks(language)), state),
            SmallTalkKind.Farewell => Said(decision, replies.Plain(ReplyKind.SmallTalk, Phrases.Farewell(language)), state),
            SmallTalkKind.Help when about is not null =>
                Said(decision with { TopicId = about.Id }, replies.Answer(about, 1.0, state.DisclaimerShown), state),
            _ => null,
        };
    }

    /// <summary>The about-bot answer introduced by a hello, both in the answer's language (English when the topic has no Chinese).</summary>
    private static BotReply Greet(BotReply answer, Topic intro) =>
        answer with { Text = Phrases.Greeting(answer.Language) + "\n\n" + intro.Answer.For(answer.Language).Trim() };

    private static TurnResult Said(Decision decision, BotReply reply, ConversationState state) => new(decision, [reply], state);

    /// <summary>
    /// The state after the turn's replies: the buttons of the last reply that offers any (so a number can pick one next
    /// turn), the notice shown once an answer or verdict carried it, and the last topic answered.
    /// </summary>
    private static TurnResult Remember(TurnResult result)
    {
        var replies = result.Replies;
        var state = result.NewState;
        var lastAnswer = replies.Select(r => r.Value).OfType<AnswerValue>().LastOrDefault();
        return result with
        {
            NewState = state with
            {
                OfferedButtons = [.. replies.LastOrDefault(r => r.Actions.Count > 0)?.Actions.Select(OfferedButton.From) ?? []],
                DisclaimerShown = state.DisclaimerShown || replies.Any(r => r.Kind is ReplyKind.Answer or ReplyKind.Verdict),
                LastTopicId = lastAnswer?.Id ?? state.LastTopicId,
            },
        };
    }
}
