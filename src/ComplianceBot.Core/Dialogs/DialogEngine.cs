using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Runs decision dialogs, one turn at a time, over the dialog state kept in <see cref="ConversationData.Dialog"/>.
/// It asks only for the slot the next undecided rule needs (in file order) and gives the verdict as soon as a rule
/// decides; fills slots from the first utterance and from any later free text (<see cref="SlotFiller"/>); accepts
/// free text, a button submit or a choice number; handles the control words of <see cref="ControlWords"/>; re-prompts
/// with the choices when an answer cannot be read, and after <see cref="FailuresBeforeHandoff"/> such answers in a row
/// offers the compliance team. State written for another version of a dialog restarts the check; state for a removed
/// dialog ends it; neither throws.
/// </summary>
/// <remarks>Create one per turn (it captures the turn's content and language); holds no per-conversation data.</remarks>
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

    /// <summary>True when the conversation has a dialog waiting for the user's next message.</summary>
    public static bool IsActive(ConversationData state) => state.Dialog?.IsActive == true;

    /// <summary>The number of <paramref name="dialog"/>'s slots that <paramref name="utterance"/> states by specific phrases.</summary>
    public static int SlotsStated(DialogDefinition dialog, string? utterance) =>
        SlotFiller.Read(dialog, utterance, askedSlot: null).Values.Count;

    /// <summary>
    /// True when <paramref name="utterance"/> contains one of <paramref name="dialog"/>'s situation cues (matched like
    /// synonyms: English whole words ignoring inflection, Chinese inside unspaced text), or the dialog has none.
    /// </summary>
    public static bool HasSituationCue(DialogDefinition dialog, string? utterance) =>
        SlotFiller.ContainsAny(dialog.SituationCues?.All ?? [], utterance, orNone: true);

    /// <summary>
    /// Starts <paramref name="dialog"/> afresh (replacing any dialog in progress), fills the slots
    /// <paramref name="utterance"/> states, and asks the first question or gives the verdict at once.
    /// </summary>
    public IReadOnlyList<BotReply> Start(DialogDefinition dialog, ConversationData state, string? utterance) =>
        Begin(dialog, state, utterance, [DialogPhrases.Start(_language, _replies.Title(dialog), dialog.Intro?.For(_language))]);

    /// <summary>
    /// Starts the dialog with id <paramref name="dialogId"/> (a <c>{"start": id}</c> button), or says it is not
    /// available: then a dialog in progress goes on with its current question asked again, else the main topics are offered.
    /// Never drops answers silently: while the same dialog is waiting for an answer, its answers are kept and the current
    /// question is asked again ("say restart to start over"); while another one is, the new one starts with a line
    /// saying that the unfinished check was stopped.
    /// </summary>
    public IReadOnlyList<BotReply> Start(string dialogId, ConversationData state)
    {
        if (_content.Snapshot.FindDialog(dialogId) is { } dialog)
        {
            if (!IsActive(state))
            {
                return Start(dialog, state, utterance: null);
            }

            var running = state.Dialog!;
            if (running.DialogId == dialog.Id)
            {
                return Resolve(state) is ({ }, { Count: > 0 } notice)
                    ? Begin(dialog, state, null, notice.Select(n => n.Text))
                    : Reask(dialog, state, [DialogPhrases.AlreadyInCheck(_language, _replies.Title(dialog))]);
            }

            var stopped = _content.Snapshot.FindDialog(running.DialogId) is { } other ? _replies.Title(other)
                : string.IsNullOrWhiteSpace(running.Title) ? running.DialogId : running.Title;
            return Begin(dialog, state, null,
            [
                DialogPhrases.StoppedOther(_language, stopped),
                DialogPhrases.Start(_language, _replies.Title(dialog), dialog.Intro?.For(_language)),
            ]);
        }

        if (IsActive(state) && _content.Snapshot.FindDialog(state.Dialog!.DialogId) is { } current && Resolve(state) is ({ }, { Count: 0 }))
        {
            return Reask(current, state, [DialogPhrases.NotAvailableHere(_language, _replies.Title(current))]);
        }

        return [_replies.Notice(DialogPhrases.NotAvailable(_language), _replies.MainTopics())];
    }

    /// <summary>
    /// The current question of a dialog waiting for an answer, asked again without changing the dialog: its prompt
    /// (with the contract <c>prompt</c> value and the choice buttons) or, while picking an answer to change, that menu.
    /// Empty when no dialog is waiting, or when its state no longer fits the content (the next message then restarts
    /// or ends it, with a notice).
    /// </summary>
    public IReadOnlyList<BotReply> Repeat(ConversationData state)
    {
        if (!IsActive(state) || _content.Snapshot.FindDialog(state.Dialog!.DialogId) is null
            || Resolve(state) is not ({ } dialog, { Count: 0 }))
        {
            return [];
        }

        return Reask(dialog, state, []);
    }

    /// <summary>
    /// Handles a message while a dialog is active (<see cref="IsActive"/>). <paramref name="aside"/> answers a message
    /// that is not an answer but an unrelated question (an FAQ, a topic button, small talk); it returns null when it has
    /// nothing confident to say. After an aside the current question is asked again.
    /// </summary>
    public IReadOnlyList<BotReply> Continue(TurnInput input, ConversationData state, Func<TurnInput, IReadOnlyList<BotReply>?> aside)
    {
        var ds = state.Dialog!;
        switch (Resolve(state))
        {
            case (null, var removed):
                return removed;
            case ({ } restarted, { Count: > 0 } notice):
                // A typed answer still counts for the restarted check; a button of the old version does not.
                var typed = input.Value is null && ControlWords.Read(input.Text) == DialogCommand.None ? input.Text : null;
                return Begin(restarted, state, typed, notice.Select(n => n.Text));
        }

        var dialog = _content.Snapshot.FindDialog(ds.DialogId)!;
        if (input.Value is { } value && value.TryGetValue(DialogActions.SlotKey, out var slot))
        {
            return Submit(dialog, state, slot, value.GetValueOrDefault(DialogActions.ChoiceKey));
        }

        if (input.Value is { } topicValue && topicValue.ContainsKey("topic"))
        {
            return Aside(dialog, state, input, aside) ?? Reask(dialog, state, [DialogPhrases.StaleButton(_language)]);
        }

        var text = input.Text ?? string.Empty;
        if (TextNormalizer.Normalize(text).Length == 0)
        {
            var why = input.AttachmentCount > 0 ? DialogPhrases.TextOnly(_language) : DialogPhrases.StillNeeded(_language);
            return Reask(dialog, state, [why]);
        }

        var command = ControlWords.Read(text);
        if (command != DialogCommand.None)
        {
            return Command(dialog, state, command);
        }

        return ds.Phase == DialogPhase.ChoosingChange
            ? ChooseChange(dialog, state, text)
            : Answer(dialog, state, input, text, aside);
    }

    /// <summary>
    /// Handles a dialog control button (<c>{"dialog": id, "action": ...}</c> or <c>{"dialog": id, "change": slot}</c>),
    /// whether or not the dialog is still active.
    /// </summary>
    public IReadOnlyList<BotReply> Act(IReadOnlyDictionary<string, string> value, ConversationData state)
    {
        var dialogId = value.GetValueOrDefault(DialogActions.DialogKey);
        var action = value.GetValueOrDefault(DialogActions.ActionKey);
        if (state.Dialog is not { } ds || ds.DialogId != dialogId)
        {
            // A button of an earlier check: "start over" still makes sense, anything else does not. While a check waits
            // for an answer, it is refused and the current question (or change menu) is asked again.
            if (action == DialogActions.Restart && dialogId is not null)
            {
                return Start(dialogId, state);
            }

            if (IsActive(state) && Resolve(state) is ({ } running, { Count: 0 }))
            {
                return state.Dialog!.Phase == DialogPhase.ChoosingChange
                    ? [_replies.ChangeMenu(running, state.Dialog, DialogPhrases.OtherCheckButton(_language) + " " + DialogPhrases.ChangeWhich(_language))]
                    : Reask(running, state, [DialogPhrases.OtherCheckButton(_language)]);
            }

            return NotOpen(dialogId);
        }

        switch (Resolve(state))
        {
            case (null, var removed):
                return removed;
            case ({ } restarted, { Count: > 0 } notice):
                return Begin(restarted, state, null, notice.Select(n => n.Text));
        }

        var dialog = _content.Snapshot.FindDialog(ds.DialogId)!;
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
            _ => ds.IsActive ? Reask(dialog, state, [DialogPhrases.StaleButton(_language)]) : NotOpen(dialogId),
        };
    }

    /// <summary>
    /// After a verdict, "start over" or "change an answer" typed as the whole message act on the finished dialog;
    /// returns null for any other message (it is then routed as a question).
    /// </summary>
    public IReadOnlyList<BotReply>? AfterVerdict(string? text, ConversationData state)
    {
        var command = ControlWords.Read(text);
        if (state.Dialog is not { Phase: DialogPhase.Finished } ds || command is not (DialogCommand.Restart or DialogCommand.Change))
        {
            return null;
        }

        return Act(new Dictionary<string, string>
        {
            [DialogActions.DialogKey] = ds.DialogId,
            [DialogActions.ActionKey] = command == DialogCommand.Restart ? DialogActions.Restart : DialogActions.Change,
        }, state);
    }

    /// <summary>A choice button pressed when no dialog is waiting for an answer (e.g. on an old prompt after the verdict).</summary>
    public IReadOnlyList<BotReply> OrphanSubmit(ConversationData state)
    {
        if (state.Dialog is { Phase: DialogPhase.Finished } ds && _content.Snapshot.FindDialog(ds.DialogId) is { } dialog)
        {
            return [_replies.Notice(DialogPhrases.CheckFinished(_language, _replies.Title(dialog)), FinishedActions(dialog))];
        }

        return [_replies.Notice(DialogPhrases.StaleButton(_language), _replies.MainTopics())];
    }

    private IReadOnlyList<BotReply> Answer(DialogDefinition dialog, ConversationData state, TurnInput input, string text,
        Func<TurnInput, IReadOnlyList<BotReply>?> aside)
    {
        var ds = state.Dialog!;
        var asked = ds.AskedSlot!;
        var reading = SlotFiller.Read(dialog, text, asked, _language);
        var newFacts = reading.Values.Where(kv => kv.Key == asked || !ds.Facts.ContainsKey(kv.Key)).ToList();

        if (reading.Values.ContainsKey(asked) && reading.AskedSlotFromShortAnswer && QuestionForm.IsQuestion(text)
            && Aside(dialog, state, input, aside) is { } answered)
        {
            return answered; // "is there a fine?" reads as "yes"-ish, but it is a question
        }

        if (newFacts.Count > 0)
        {
            foreach (var (slot, value) in newFacts)
            {
                Fill(ds, slot, value);
            }

            ds.Failures = 0;
            ds.PreviousValue = null;
            var noted = newFacts.Where(f => f.Key != asked).Select(f => f.Key).ToList();
            return Advance(dialog, state, noted.Count > 0
                ? [DialogPhrases.Noted(_language) + "\n" + _replies.FactLines(dialog, noted, ds.Facts)]
                : []);
        }

        if (reading.Ambiguous.TryGetValue(asked, out var options))
        {
            ds.Failures++;
            var labels = string.Join(" / ", options.Select(o => _replies.ValueLabel(dialog, asked, o)));
            return Reask(dialog, state, [DialogPhrases.Ambiguous(_language, labels)], listChoices: true);
        }

        // "not for work" talks about the question (it rules a value out), so it is no other question to answer aside.
        if (!reading.Negated.Contains(asked) && Aside(dialog, state, input, aside) is { } asideReplies)
        {
            return asideReplies;
        }

        ds.Failures++;
        return Reask(dialog, state, [DialogPhrases.NotUnderstood(_language)], listChoices: true);
    }

    private IReadOnlyList<BotReply>? Aside(DialogDefinition dialog, ConversationData state, TurnInput input,
        Func<TurnInput, IReadOnlyList<BotReply>?> aside)
    {
        var answered = aside(input);
        if (answered is not { Count: > 0 })
        {
            return null;
        }

        return [.. answered, .. Reask(dialog, state, [DialogPhrases.Resume(_language, _replies.Title(dialog))])];
    }

    private IReadOnlyList<BotReply> Submit(DialogDefinition dialog, ConversationData state, string slotId, string? choice)
    {
        var ds = state.Dialog!;
        var slot = dialog.FindSlot(slotId);
        if (ds.Phase == DialogPhase.ChoosingChange)
        {
            return [_replies.ChangeMenu(dialog, ds, DialogPhrases.StaleButton(_language) + " " + DialogPhrases.ChangePickOne(_language))];
        }

        if (slot is not null && slot.FindChoice(choice) is not null && slotId == ds.AskedSlot)
        {
            // Only the question being asked: a button carries no dialog id, so one for another question (an old card
            // in the chat history, possibly of another check with the same slot) must not set a fact unasked.
            Fill(ds, slotId, choice!);
            ds.Failures = 0;
            ds.PreviousValue = null;
            return Advance(dialog, state, []);
        }

        string notice;
        if (slot is not null && slotId == ds.AskedSlot)
        {
            // Not one of this question's values (a mistyped or outdated card): say so and list the ones there are.
            return Reask(dialog, state, [DialogPhrases.NotAnOption(_language, choice)], listChoices: true);
        }
        else if (slot is not null && ds.Facts.TryGetValue(slotId, out var known))
        {
            notice = DialogPhrases.AlreadyAnswered(_language, _replies.SlotLabel(dialog, slotId), _replies.ValueLabel(dialog, slotId, known));
        }
        else
        {
            notice = DialogPhrases.NotThisQuestion(_language);
        }

        return Reask(dialog, state, [notice]);
    }

    private IReadOnlyList<BotReply> Begin(DialogDefinition dialog, ConversationData state, string? utterance, IEnumerable<string> preface)
    {
        var ds = new DialogState { DialogId = dialog.Id, DialogVersion = dialog.Version, Title = _replies.Title(dialog) };
        state.Dialog = ds;
        var paragraphs = preface.ToList();
        var stated = SlotFiller.Read(dialog, utterance, askedSlot: null, _language).Values;
        foreach (var slot in dialog.Slots.Where(s => stated.ContainsKey(s.Id)))
        {
            Fill(ds, slot.Id, stated[slot.Id]);
        }

        if (stated.Count > 0)
        {
            paragraphs.Add(DialogPhrases.Understood(_language) + "\n" + _replies.FactLines(dialog, stated.Keys, ds.Facts));
        }

        paragraphs.Add(DialogPhrases.Hint(_language));
        return Advance(dialog, state, paragraphs);
    }

    /// <summary>Evaluates the rules: asks the next needed slot, or gives the verdict (after a notice with the preface, if any).</summary>
    private IReadOnlyList<BotReply> Advance(DialogDefinition dialog, ConversationData state, IReadOnlyList<string> preface)
    {
        var ds = state.Dialog!;
        var evaluation = RuleEvaluator.Evaluate(dialog, ds.Facts);
        if (evaluation.NeededSlot is { } needed)
        {
            ds.Phase = DialogPhase.Asking;
            ds.AskedSlot = needed;
            return [_replies.Prompt(dialog, ds, preface, listChoices: false, offerHandoff: false)];
        }

        var replies = new List<BotReply>();
        var notice = preface.Where(p => p != DialogPhrases.Hint(_language)).ToList();
        if (notice.Count > 0)
        {
            replies.Add(_replies.Notice(string.Join("\n\n", notice)));
        }

        if (!evaluation.IsDecided)
        {
            state.Dialog = null; // a gap in the decision table; the content checks prevent it
            replies.Add(_replies.Notice(DialogPhrases.NoVerdict(_language), _replies.MainTopics()));
            return replies;
        }

        ds.Phase = DialogPhase.Finished;
        ds.AskedSlot = null;
        ds.PreviousValue = null;
        ds.Failures = 0;
        ds.Verdict = evaluation.DecidingRule!.Outcome.Verdict;
        ds.RuleId = evaluation.DecidingRule.Id;
        ds.VerdictTurn = state.Turn;
        replies.Add(_replies.Verdict(dialog, ds, evaluation, state));
        return replies;
    }

    /// <summary>Asks the current question again after <paramref name="preface"/>; offers the compliance team after repeated failures.</summary>
    private IReadOnlyList<BotReply> Reask(DialogDefinition dialog, ConversationData state, IReadOnlyList<string> preface, bool listChoices = false)
    {
        var ds = state.Dialog!;
        if (ds.Phase == DialogPhase.ChoosingChange)
        {
            return [_replies.ChangeMenu(dialog, ds, string.Join("\n\n", preface.Append(DialogPhrases.ChangePickOne(_language))))];
        }

        if (ds.Phase == DialogPhase.Finished || dialog.FindSlot(ds.AskedSlot) is null)
        {
            return Advance(dialog, state, preface);
        }

        var offerHandoff = ds.Failures >= FailuresBeforeHandoff;
        var paragraphs = offerHandoff ? preface.Append(DialogPhrases.OfferHandoff(_language)) : preface;
        return [_replies.Prompt(dialog, ds, paragraphs, listChoices || offerHandoff, offerHandoff)];
    }

    /// <summary>
    /// Checks the stored state against the content: (dialog, []) when usable; (null, replies) when the dialog was
    /// removed (the state is cleared); (dialog, notice) when it changed version or the state is unreadable (restart).
    /// </summary>
    private (DialogDefinition? Dialog, IReadOnlyList<BotReply> Replies) Resolve(ConversationData state)
    {
        var ds = state.Dialog!;
        if (_content.Snapshot.FindDialog(ds.DialogId) is not { } dialog)
        {
            state.Dialog = null;
            var title = string.IsNullOrWhiteSpace(ds.Title) ? ds.DialogId : ds.Title;
            return (null, [_replies.Notice(DialogPhrases.DialogRemoved(_language, title), _replies.MainTopics())]);
        }

        var readable = ds.SchemaVersion == DialogState.CurrentSchemaVersion
                       && ds.DialogVersion == dialog.Version
                       && ds.Facts is not null && ds.FilledOrder is not null
                       && ds.Facts.All(f => dialog.FindSlot(f.Key)?.FindChoice(f.Value) is not null)
                       && (ds.Phase != DialogPhase.Asking || dialog.FindSlot(ds.AskedSlot) is not null);
        return readable
            ? (dialog, [])
            : (dialog, [_replies.Notice(DialogPhrases.DialogUpdated(_language, _replies.Title(dialog)))]);
    }

    /// <summary>
    /// A number typed while a check waits for an answer that is none of the <paramref name="count"/> buttons offered
    /// ("0", "9", "第十个"): says so, as outside a check, and asks the current question again.
    /// </summary>
    public IReadOnlyList<BotReply> NoSuchOption(ConversationData state, int number, int count)
    {
        if (!IsActive(state) || Resolve(state) is not ({ } dialog, { Count: 0 }))
        {
            return [];
        }

        state.Dialog!.Failures++;
        return Reask(dialog, state, [DialogPhrases.NoSuchOption(_language, number, count)]);
    }

    private IReadOnlyList<BotReply> NotOpen(string? dialogId)
    {
        var actions = _content.Snapshot.FindDialog(dialogId) is { } dialog
            ? [ReplyAction.ForDialog(DialogPhrases.StartAgainButton(_language), dialog.Id)]
            : _replies.MainTopics();
        return [_replies.Notice(DialogPhrases.NotOpen(_language), actions)];
    }

    private List<ReplyAction> FinishedActions(DialogDefinition dialog) =>
    [
        DialogActions.Control(DialogPhrases.ChangeAnswerButton(_language), dialog.Id, DialogActions.Change),
        DialogActions.Control(DialogPhrases.StartOverButton(_language), dialog.Id, DialogActions.Restart),
    ];

    private static void Fill(DialogState ds, string slot, string value)
    {
        ds.Facts[slot] = value;
        ds.FilledOrder.Remove(slot);
        ds.FilledOrder.Add(slot);
    }
}
