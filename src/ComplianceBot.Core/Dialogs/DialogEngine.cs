using System.Collections.Immutable;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Runs decision dialogs, one turn at a time, over the dialog state in <see cref="ConversationState.Dialog"/>. It asks
/// only for the slot the next undecided rule needs (in file order) and gives the verdict as soon as a rule decides;
/// fills slots from the first utterance and from any later free text (read once per message by
/// <see cref="TurnAnalyzer"/>); accepts free text, a button submit or a choice number; handles the control words of
/// <see cref="ControlWords"/>; re-prompts with the choices when an answer cannot be read, and after
/// <see cref="FailuresBeforeHandoff"/> such answers in a row offers the compliance team. State written for another
/// version of a dialog restarts the check; state for a removed dialog ends it; neither throws.
/// </summary>
/// <remarks>
/// Pure: every method returns a <see cref="TurnResult"/> (why, the replies, the new state) and changes nothing. Create
/// one per turn (it captures the turn's content and language); holds no per-conversation data.
/// </remarks>
public sealed partial class DialogEngine
{
    /// <summary>Unreadable answers in a row after which the compliance team is offered. 3.</summary>
    public const int FailuresBeforeHandoff = 3;

    /// <summary>Slots a first utterance must state for a situation to start its dialog straight away. 2.</summary>
    public const int SlotsForDirectStart = 2;

    private readonly ServedContent _content;
    private readonly DialogReplies _replies;
    private readonly Language _language;

    /// <summary>Creates the engine for one turn over <paramref name="content"/>, replying in <paramref name="language"/>.</summary>
    public DialogEngine(ServedContent content, Language language)
    {
        _content = content;
        _language = language;
        _replies = new DialogReplies(content, language);
    }

    /// <summary>
    /// Starts <paramref name="dialog"/> afresh from a message (replacing any dialog in progress), fills the slots the
    /// message states (<paramref name="stated"/>), and asks the first question or gives the verdict at once.
    /// </summary>
    public TurnResult Start(DialogDefinition dialog, ConversationState state, SlotReading? stated, Decision decision) =>
        Begin(dialog, state, stated, [DialogPhrases.Start(_language, _replies.Title(dialog), dialog.Intro?.For(_language))], decision);

    /// <summary>
    /// Starts the dialog with id <paramref name="dialogId"/> (a <c>{"start": id}</c> button), or says it is not
    /// available: then a dialog in progress goes on with its current question asked again, else the main topics are offered.
    /// Never drops answers silently: while the same dialog is waiting for an answer, its answers are kept and the current
    /// question is asked again ("say restart to start over"); while another one is, the new one starts with a line
    /// saying that the unfinished check was stopped. <paramref name="stated"/> are facts to start with (those of the
    /// message that offered the button), or null.
    /// </summary>
    public TurnResult Start(string dialogId, ConversationState state, string reason, SlotReading? stated = null)
    {
        var decision = new Decision(DecisionKind.StartCheck) { DialogId = dialogId, Reason = reason };
        if (_content.Snapshot.FindDialog(dialogId) is { } dialog)
        {
            var start = DialogPhrases.Start(_language, _replies.Title(dialog), dialog.Intro?.For(_language));
            if (!state.InCheck)
            {
                return Begin(dialog, state, stated, [start], decision);
            }

            var running = state.Dialog!;
            if (running.DialogId == dialog.Id)
            {
                return Resolve(running) is { Status: DialogStatus.Restarted, Notice: { } notice }
                    ? Begin(dialog, state, null, [notice.Text], decision with { Reason = reason + "; stored for another version" })
                    : Reask(dialog, state, [DialogPhrases.AlreadyInCheck(_language, _replies.Title(dialog))],
                        decision with { Reason = "already running: answers kept" });
            }

            var stopped = _content.Snapshot.FindDialog(running.DialogId) is { } other ? _replies.Title(other)
                : string.IsNullOrWhiteSpace(running.Title) ? running.DialogId : running.Title;
            return Begin(dialog, state, stated, [DialogPhrases.StoppedOther(_language, stopped), start],
                decision with { Reason = $"{reason}; stopped {running.DialogId}" });
        }

        var missing = new Decision(DecisionKind.CheckNotAvailable) { DialogId = dialogId };
        if (state.InCheck && Resolve(state.Dialog!) is { Status: DialogStatus.Usable, Dialog: { } current })
        {
            return Reask(current, state, [DialogPhrases.NotAvailableHere(_language, _replies.Title(current))], missing);
        }

        return new TurnResult(missing, [_replies.Notice(DialogPhrases.NotAvailable(_language), _replies.MainTopics())], state);
    }

    /// <summary>
    /// The current question of a dialog waiting for an answer, asked again without changing the dialog: its prompt
    /// (with the contract <c>prompt</c> value and the choice buttons) or, while picking an answer to change, that menu.
    /// No replies when no dialog is waiting, or when its state no longer fits the content (the next message then
    /// restarts or ends it, with a notice).
    /// </summary>
    public TurnResult Repeat(ConversationState state)
    {
        var decision = new Decision(DecisionKind.Repeat) { DialogId = state.Dialog?.DialogId };
        if (!state.InCheck || Resolve(state.Dialog!) is not { Status: DialogStatus.Usable, Dialog: { } dialog })
        {
            return new TurnResult(decision, [], state);
        }

        return Reask(dialog, state, [], decision);
    }

    /// <summary>
    /// Handles a message while a dialog waits for one (<see cref="ConversationState.InCheck"/>). <paramref name="aside"/>
    /// answers a message that is not an answer but an unrelated question (an FAQ, a topic button, small talk); it gives
    /// null when it has nothing confident to say. After an aside the current question is asked again.
    /// </summary>
    public TurnResult Continue(TurnAnalysis turn, ConversationState state, Func<TurnResult?> aside)
    {
        var ds = state.Dialog!;
        var resolution = Resolve(ds);
        switch (resolution)
        {
            case { Status: DialogStatus.Removed }:
                return new TurnResult(new Decision(DecisionKind.CheckRemoved) { DialogId = ds.DialogId }, [resolution.Notice!], state with { Dialog = null });
            case { Status: DialogStatus.Restarted, Dialog: { } restarted }:
                // A typed answer still counts for the restarted check; a button of the old version does not.
                var typed = turn.Input.Value is null && turn.Control == DialogCommand.None ? turn.StatedFor(restarted.Id)?.Reading : null;
                return Begin(restarted, state, typed, [resolution.Notice!.Text], new Decision(DecisionKind.CheckRestarted));
        }

        var dialog = resolution.Dialog!;
        if (turn.Input.Value is { } value && value.TryGetValue(DialogActions.SlotKey, out var slot))
        {
            return Submit(dialog, state, slot, value.GetValueOrDefault(DialogActions.ChoiceKey));
        }

        if (turn.Input.Value is { } topicValue && topicValue.ContainsKey("topic"))
        {
            return Aside(dialog, state, aside)
                   ?? Reask(dialog, state, [DialogPhrases.StaleButton(_language)], new Decision(DecisionKind.StaleButton) { DialogId = dialog.Id });
        }

        if (turn.Normalized.Length == 0)
        {
            var why = turn.Input.AttachmentCount > 0 ? DialogPhrases.TextOnly(_language) : DialogPhrases.StillNeeded(_language);
            return Reask(dialog, state, [why], new Decision(DecisionKind.NoText) { DialogId = dialog.Id });
        }

        if (turn.Control != DialogCommand.None)
        {
            return Command(dialog, state, turn.Control);
        }

        return ds.Phase == DialogPhase.ChoosingChange
            ? ChooseChange(dialog, state, turn, aside)
            : Answer(dialog, state, turn, aside);
    }

    /// <summary>
    /// Handles a dialog control button (<c>{"dialog": id, "action": ...}</c> or <c>{"dialog": id, "change": slot}</c>),
    /// whether or not the dialog is still active.
    /// </summary>
    public TurnResult Act(IReadOnlyDictionary<string, string> value, ConversationState state)
    {
        var dialogId = value.GetValueOrDefault(DialogActions.DialogKey);
        var action = value.GetValueOrDefault(DialogActions.ActionKey);
        if (state.Dialog is not { } ds || ds.DialogId != dialogId)
        {
            // A button of an earlier check: "start over" still makes sense, anything else does not. While a check waits
            // for an answer, it is refused and the current question (or change menu) is asked again.
            if (action == DialogActions.Restart && dialogId is not null)
            {
                return Start(dialogId, state, "start-over button of an earlier check");
            }

            var refused = new Decision(DecisionKind.StaleButton) { DialogId = dialogId, Reason = "button of another check" };
            if (state.InCheck && Resolve(state.Dialog!) is { Status: DialogStatus.Usable, Dialog: { } running })
            {
                return state.Dialog!.Phase == DialogPhase.ChoosingChange
                    ? new TurnResult(refused, [_replies.ChangeMenu(running, state.Dialog,
                        DialogPhrases.OtherCheckButton(_language) + " " + DialogPhrases.ChangeWhich(_language))], state)
                    : Reask(running, state, [DialogPhrases.OtherCheckButton(_language)], refused);
            }

            return NotOpen(dialogId, state);
        }

        var resolution = Resolve(ds);
        switch (resolution)
        {
            case { Status: DialogStatus.Removed }:
                return new TurnResult(new Decision(DecisionKind.CheckRemoved) { DialogId = ds.DialogId }, [resolution.Notice!], state with { Dialog = null });
            case { Status: DialogStatus.Restarted, Dialog: { } restarted }:
                return Begin(restarted, state, null, [resolution.Notice!.Text], new Decision(DecisionKind.CheckRestarted));
        }

        var dialog = resolution.Dialog!;
        if (value.TryGetValue(DialogActions.SlotKey, out var answered))
        {
            // A choice button that names its check ({"slot", "choice", "dialog"}) counts like one that does not.
            return ds.IsActive ? Submit(dialog, state, answered, value.GetValueOrDefault(DialogActions.ChoiceKey)) : OrphanSubmit(state);
        }

        if (value.TryGetValue(DialogActions.ChangeKey, out var slot))
        {
            return BeginChange(dialog, state, slot);
        }

        return action switch
        {
            DialogActions.Restart => Command(dialog, state, DialogCommand.Restart),
            DialogActions.Cancel => Command(dialog, state, DialogCommand.Cancel),
            DialogActions.Change => Command(dialog, state, DialogCommand.Change),
            DialogActions.Handoff => Handoff(dialog, state),
            _ => ds.IsActive
                ? Reask(dialog, state, [DialogPhrases.StaleButton(_language)], new Decision(DecisionKind.StaleButton) { DialogId = dialog.Id })
                : NotOpen(dialogId, state),
        };
    }

    /// <summary>
    /// After a verdict, "start over" or "change an answer" typed as the whole message act on the finished dialog;
    /// null for any other message (it is then routed as a question).
    /// </summary>
    public TurnResult? AfterVerdict(TurnAnalysis turn, ConversationState state)
    {
        if (state.Dialog is not { Phase: DialogPhase.Finished } ds || turn.Control is not (DialogCommand.Restart or DialogCommand.Change))
        {
            return null;
        }

        return Act(new Dictionary<string, string>
        {
            [DialogActions.DialogKey] = ds.DialogId,
            [DialogActions.ActionKey] = turn.Control == DialogCommand.Restart ? DialogActions.Restart : DialogActions.Change,
        }, state);
    }

    /// <summary>A choice button pressed when no dialog is waiting for an answer (e.g. on an old prompt after the verdict).</summary>
    public TurnResult OrphanSubmit(ConversationState state)
    {
        if (state.Dialog is { Phase: DialogPhase.Finished } ds && _content.Snapshot.FindDialog(ds.DialogId) is { } dialog)
        {
            return new TurnResult(new Decision(DecisionKind.StaleButton) { DialogId = dialog.Id, Reason = "the check has finished" },
                [_replies.Notice(DialogPhrases.CheckFinished(_language, _replies.Title(dialog)), FinishedActions(dialog))], state);
        }

        return new TurnResult(new Decision(DecisionKind.StaleButton) { Reason = "no check running" },
            [_replies.Notice(DialogPhrases.StaleButton(_language), _replies.MainTopics())], state);
    }

    /// <summary>
    /// A number typed while a check waits for an answer that is none of the <paramref name="count"/> buttons offered
    /// ("0", "9", "第十个"): says so, as outside a check, and asks the current question again. Null when no check waits.
    /// </summary>
    public TurnResult? NoSuchOption(ConversationState state, int number, int count)
    {
        if (!state.InCheck || Resolve(state.Dialog!) is not { Status: DialogStatus.Usable, Dialog: { } dialog })
        {
            return null;
        }

        var next = state with { Dialog = state.Dialog! with { Failures = state.Dialog.Failures + 1 } };
        return Reask(dialog, next, [DialogPhrases.NoSuchOption(_language, number, count)],
            new Decision(DecisionKind.Number) { DialogId = dialog.Id, Reason = $"no option {number} of {count}" });
    }

    private TurnResult Answer(DialogDefinition dialog, ConversationState state, TurnAnalysis turn, Func<TurnResult?> aside)
    {
        var ds = state.Dialog!;
        var asked = ds.AskedSlot!;
        var reading = turn.Answer ?? SlotReading.Nothing;
        // A fact already given is replaced when the message says it corrects one ("actually I'll use ExpressVPN", "其实是…"),
        // or when a statement answers another question than the one asked and gives that fact otherwise: "我用的是公司的VPN"
        // at the location question, while the provider came from an earlier message, is the user's own word on the provider.
        var answersOther = !reading.Values.ContainsKey(asked) && !turn.IsQuestion;
        var newFacts = reading.Values.Where(kv => kv.Key == asked || !ds.Facts.TryGetValue(kv.Key, out var given)
                                                  || ((turn.HasCorrectionCue || answersOther) && given != kv.Value)).ToList();

        if (reading.Values.ContainsKey(asked) && reading.AskedSlotFromShortAnswer && turn.IsQuestion
            && Aside(dialog, state, aside) is { } answered)
        {
            return answered; // "is there a fine?" reads as "yes"-ish, but it is a question
        }

        // "what are the penalties for subleasing a line?" names a value, but asks an FAQ question: answered, then the check resumes
        if (QuestionForm.StartsWithQuestionWord(turn.Text) && turn.TopicsMatch is { Outcome: Matching.MatchOutcome.Answer, Top.Confidence: >= TurnDecider.DialogStartConfidence }
            && Aside(dialog, state, aside) is { } faq)
        {
            return faq;
        }

        if (OpenedSlots(dialog, ds, reading, asked, turn.IsQuestion) is { Count: > 0 } opened)
        {
            return AskOpen(dialog, state, opened, newFacts.Where(f => !opened.Contains(f.Key)).ToList(), asked);
        }

        if (newFacts.Count > 0)
        {
            var next = ds;
            foreach (var (slot, value) in newFacts)
            {
                next = next.Fill(slot, value);
            }

            next = next with { Failures = 0, PreviousValue = null };
            var noted = newFacts.Where(f => f.Key != asked).Select(f => f.Key).ToList();
            var decision = new Decision(DecisionKind.SlotAnswer)
            {
                DialogId = dialog.Id,
                SlotId = reading.Values.ContainsKey(asked) ? asked : null,
                Value = reading.Values.GetValueOrDefault(asked),
                Facts = newFacts.Where(f => f.Key != asked).ToImmutableSortedDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
            };
            return Advance(dialog, state with { Dialog = next }, noted.Count > 0
                ? [DialogPhrases.Noted(_language) + "\n" + _replies.FactLines(dialog, noted, next.Facts)]
                : [], decision);
        }

        if (reading.Ambiguous.TryGetValue(asked, out var options))
        {
            var labels = string.Join(" / ", options.Select(o => _replies.ValueLabel(dialog, asked, o)));
            var which = reading.NotSure ? DialogPhrases.NotSureWhich(_language) : DialogPhrases.Ambiguous(_language, labels);
            return Reask(dialog, state with { Dialog = ds with { Failures = ds.Failures + 1 } }, [which],
                new Decision(DecisionKind.SlotAmbiguous) { DialogId = dialog.Id, SlotId = asked, Candidates = [.. options] }, listChoices: true);
        }

        // A statement naming several values of another question ("公司的VPN，IT说是批准的": a company VPN app, or the
        // approved channel?) is about that question: it is asked now, with the values named, and the one asked before
        // comes back once it is answered.
        if (answersOther && reading.Ambiguous.FirstOrDefault(kv => kv.Key != asked && dialog.FindSlot(kv.Key) is not null) is { Key: { } other, Value: { } named })
        {
            var labels = string.Join(" / ", named.Select(o => _replies.ValueLabel(dialog, other, o)));
            return Reask(dialog, state with { Dialog = ds with { AskedSlot = other } }, [DialogPhrases.Ambiguous(_language, labels)],
                new Decision(DecisionKind.SlotAmbiguous) { DialogId = dialog.Id, SlotId = other, Candidates = [.. named], Reason = $"asked {asked}; the message is about {other}" },
                listChoices: true);
        }

        if (NotKnown(dialog, state, turn, reading) is { } notKnown)
        {
            return notKnown; // "dunno if it goes over approved channel": an answer to this question, not an FAQ aside
        }

        // "not for work" talks about the question (it rules a value out), so it is no other question to answer aside;
        // nor is a statement that only repeats facts given ("only in China for 3 days" while the trip check asks how).
        var restates = !turn.IsQuestion && reading.Values.Count > 0
                       && reading.Values.All(kv => ds.Facts.TryGetValue(kv.Key, out var given) && given == kv.Value);
        if (!reading.Negated.Contains(asked) && !restates && Aside(dialog, state, aside) is { } asideReplies)
        {
            return asideReplies;
        }

        if (restates)
        {
            // "im in guangzhou" while the location is known to be the mainland: acknowledged, and the question goes on
            return Reask(dialog, state, [DialogPhrases.AlreadyKnown(_language) + "\n" + _replies.FactLines(dialog, reading.Values.Keys, ds.Facts)],
                new Decision(DecisionKind.SlotAnswer)
                {
                    DialogId = dialog.Id,
                    Facts = reading.Values.ToImmutableSortedDictionary(StringComparer.Ordinal),
                    Reason = "restates facts already given",
                });
        }

        return Reask(dialog, state with { Dialog = ds with { Failures = ds.Failures + 1 } }, [DialogPhrases.NotUnderstood(_language)],
            new Decision(DecisionKind.NotUnderstood) { DialogId = dialog.Id, SlotId = asked }, listChoices: true);
    }

    private TurnResult? Aside(DialogDefinition dialog, ConversationState state, Func<TurnResult?> aside)
    {
        if (aside() is not { Replies.Count: > 0 } answered)
        {
            return null;
        }

        var resumed = Reask(dialog, state, [DialogPhrases.Resume(_language, _replies.Title(dialog))],
            new Decision(DecisionKind.CheckAside) { DialogId = dialog.Id, Aside = answered.Decision });
        return resumed with { Replies = [.. answered.Replies, .. resumed.Replies] };
    }

    private TurnResult Submit(DialogDefinition dialog, ConversationState state, string slotId, string? choice)
    {
        var ds = state.Dialog!;
        var slot = dialog.FindSlot(slotId);
        var refused = new Decision(DecisionKind.StaleButton) { DialogId = dialog.Id, SlotId = slotId, Value = choice };
        if (ds.Phase == DialogPhase.ChoosingChange)
        {
            return new TurnResult(refused with { Reason = "choosing an answer to change" },
                [_replies.ChangeMenu(dialog, ds, DialogPhrases.StaleButton(_language) + " " + DialogPhrases.ChangePickOne(_language))], state);
        }

        if (slot is not null && slot.FindChoice(choice) is not null && slotId == ds.AskedSlot)
        {
            // Only the question being asked: a button carries no dialog id, so one for another question (an old card
            // in the chat history, possibly of another check with the same slot) must not set a fact unasked.
            var next = ds.Fill(slotId, choice!) with { Failures = 0, PreviousValue = null };
            return Advance(dialog, state with { Dialog = next }, [],
                new Decision(DecisionKind.SlotAnswer) { DialogId = dialog.Id, SlotId = slotId, Value = choice, Reason = "button" });
        }

        string notice;
        if (slot is not null && slotId == ds.AskedSlot)
        {
            // Not one of this question's values (a mistyped or outdated card): say so and list the ones there are.
            return Reask(dialog, state, [DialogPhrases.NotAnOption(_language, choice)], refused with { Reason = "not one of the options" }, listChoices: true);
        }
        else if (slot is not null && ds.Facts.TryGetValue(slotId, out var known))
        {
            notice = DialogPhrases.AlreadyAnswered(_language, _replies.SlotLabel(dialog, slotId), _replies.ValueLabel(dialog, slotId, known));
        }
        else
        {
            notice = DialogPhrases.NotThisQuestion(_language);
        }

        return Reask(dialog, state, [notice], refused with { Reason = "not the question asked" });
    }

    private TurnResult Begin(DialogDefinition dialog, ConversationState state, SlotReading? stated, IEnumerable<string> preface, Decision decision)
    {
        var ds = new DialogState { DialogId = dialog.Id, DialogVersion = dialog.Version, Title = _replies.Title(dialog) };
        var paragraphs = preface.ToList();
        var facts = stated?.Values ?? ImmutableDictionary<string, string>.Empty;
        foreach (var slot in dialog.Slots.Where(s => facts.ContainsKey(s.Id)))
        {
            ds = ds.Fill(slot.Id, facts[slot.Id]);
        }

        if (ds.Facts.Count > 0)
        {
            paragraphs.Add(DialogPhrases.Understood(_language) + "\n" + _replies.FactLines(dialog, ds.Facts.Keys, ds.Facts));
        }

        // "going to shanghai w/ hk sim": what the message names for a question that none of its choices fit is said at once,
        // unless the facts decide without it ("trip to tokyo with a foreign sim").
        var open = RuleEvaluator.Evaluate(dialog, ds.Facts).IsDecided ? []
            : OpenReplies(dialog, (stated?.Open ?? []).Where(s => !ds.Facts.ContainsKey(s)));
        paragraphs.AddRange(open);
        paragraphs.Add(DialogPhrases.Hint(_language));
        return Advance(dialog, state with { Dialog = ds }, paragraphs, decision with { DialogId = dialog.Id, Facts = ds.Facts }, offerHandoff: open.Count > 0);
    }

    /// <summary>
    /// Evaluates the rules: asks the next needed slot (with the compliance team's button too when
    /// <paramref name="offerHandoff"/>), or gives the verdict (after a notice with the preface, if any).
    /// </summary>
    private TurnResult Advance(DialogDefinition dialog, ConversationState state, IReadOnlyList<string> preface, Decision decision,
        bool offerHandoff = false)
    {
        var ds = state.Dialog!;
        var evaluation = RuleEvaluator.Evaluate(dialog, ds.Facts);
        if (evaluation.NeededSlot is { } needed)
        {
            ds = ds with { Phase = DialogPhase.Asking, AskedSlot = needed };
            return new TurnResult(decision with { Asks = needed },
                [_replies.Prompt(dialog, ds, preface, listChoices: offerHandoff, offerHandoff)], state with { Dialog = ds });
        }

        var replies = new List<BotReply>();
        var notice = preface.Where(p => p != DialogPhrases.Hint(_language)).ToList();
        if (notice.Count > 0)
        {
            replies.Add(_replies.Notice(string.Join("\n\n", notice)));
        }

        if (!evaluation.IsDecided)
        {
            // A gap in the decision table; the content checks prevent it.
            replies.Add(_replies.Notice(DialogPhrases.NoVerdict(_language), _replies.MainTopics()));
            return new TurnResult(decision with { Reason = "no rule decides (a gap in the table)" }, replies, state with { Dialog = null });
        }

        var rule = evaluation.DecidingRule!;
        ds = ds with
        {
            Phase = DialogPhase.Finished,
            AskedSlot = null,
            PreviousValue = null,
            Failures = 0,
            Verdict = rule.Outcome.Verdict,
            RuleId = rule.Id,
            VerdictTurn = state.Turn,
        };
        replies.Add(_replies.Verdict(dialog, ds, evaluation));
        return new TurnResult(decision with { Verdict = rule.Outcome.Verdict, RuleId = rule.Id }, replies, state with { Dialog = ds });
    }

    /// <summary>Asks the current question again after <paramref name="preface"/>; offers the compliance team after repeated failures.</summary>
    private TurnResult Reask(DialogDefinition dialog, ConversationState state, IReadOnlyList<string> preface, Decision decision, bool listChoices = false,
        bool offerHandoff = false)
    {
        var ds = state.Dialog!;
        if (ds.Phase == DialogPhase.ChoosingChange)
        {
            return new TurnResult(decision,
                [_replies.ChangeMenu(dialog, ds, string.Join("\n\n", preface.Append(DialogPhrases.ChangePickOne(_language))))], state);
        }

        if (ds.Phase == DialogPhase.Finished || dialog.FindSlot(ds.AskedSlot) is null)
        {
            return Advance(dialog, state, preface, decision);
        }

        offerHandoff |= ds.Failures >= FailuresBeforeHandoff;
        var paragraphs = offerHandoff ? preface.Append(DialogPhrases.OfferHandoff(_language)) : preface;
        return new TurnResult(decision with { Asks = ds.AskedSlot },
            [_replies.Prompt(dialog, ds, paragraphs, listChoices || offerHandoff, offerHandoff)], state);
    }

    /// <summary>How stored dialog state stands against the content.</summary>
    private enum DialogStatus
    {
        /// <summary>It fits the content: go on.</summary>
        Usable,

        /// <summary>Its dialog is no longer in the content: the check ends, with <see cref="DialogResolution.Notice"/>.</summary>
        Removed,

        /// <summary>Its dialog changed version, or the state is unreadable: the check starts again, with <see cref="DialogResolution.Notice"/>.</summary>
        Restarted,
    }

    /// <summary>What <see cref="Resolve"/> found: the status, the dialog (unless removed), and the notice to show (unless usable).</summary>
    private sealed record DialogResolution(DialogStatus Status, DialogDefinition? Dialog, BotReply? Notice);

    /// <summary>Checks stored dialog state against the content. No side effects: the caller acts on the result.</summary>
    private DialogResolution Resolve(DialogState ds)
    {
        if (_content.Snapshot.FindDialog(ds.DialogId) is not { } dialog)
        {
            var title = string.IsNullOrWhiteSpace(ds.Title) ? ds.DialogId : ds.Title;
            return new DialogResolution(DialogStatus.Removed, null,
                _replies.Notice(DialogPhrases.DialogRemoved(_language, title), _replies.MainTopics()));
        }

        var readable = ds.SchemaVersion == DialogState.CurrentSchemaVersion
                       && ds.DialogVersion == dialog.Version
                       && ds.Facts is not null && !ds.FilledOrder.IsDefault
                       && ds.Facts.All(f => dialog.FindSlot(f.Key)?.FindChoice(f.Value) is not null)
                       && (ds.Phase != DialogPhase.Asking || dialog.FindSlot(ds.AskedSlot) is not null);
        return readable
            ? new DialogResolution(DialogStatus.Usable, dialog, null)
            : new DialogResolution(DialogStatus.Restarted, dialog, _replies.Notice(DialogPhrases.DialogUpdated(_language, _replies.Title(dialog))));
    }

    private TurnResult NotOpen(string? dialogId, ConversationState state)
    {
        var actions = _content.Snapshot.FindDialog(dialogId) is { } dialog
            ? [ReplyAction.ForDialog(DialogPhrases.StartAgainButton(_language), dialog.Id)]
            : _replies.MainTopics();
        return new TurnResult(new Decision(DecisionKind.StaleButton) { DialogId = dialogId, Reason = "the check is not open" },
            [_replies.Notice(DialogPhrases.NotOpen(_language), actions)], state);
    }

    private List<ReplyAction> FinishedActions(DialogDefinition dialog) =>
    [
        DialogActions.Control(DialogPhrases.ChangeAnswerButton(_language), dialog.Id, DialogActions.Change),
        DialogActions.Control(DialogPhrases.StartOverButton(_language), dialog.Id, DialogActions.Restart),
    ];
}
