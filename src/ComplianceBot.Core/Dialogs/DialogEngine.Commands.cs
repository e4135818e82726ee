using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Dialogs;

/// <summary>Control words, changing an answer after the verdict, and the hand-off to the compliance team.</summary>
public sealed partial class DialogEngine
{
    private IReadOnlyList<BotReply> Command(DialogDefinition dialog, ConversationData state, DialogCommand command)
    {
        var ds = state.Dialog!;
        switch (command)
        {
            case DialogCommand.Cancel:
                state.Dialog = null;
                return [_replies.Notice(DialogPhrases.Cancelled(_language, _replies.Title(dialog)),
                    [ReplyAction.ForDialog(DialogPhrases.StartAgainButton(_language), dialog.Id)])];
            case DialogCommand.Restart:
                return Begin(dialog, state, null, [DialogPhrases.Restarted(_language, _replies.Title(dialog))]);
            case DialogCommand.Change when ds.Facts.Count > 0:
                ds.Phase = DialogPhase.ChoosingChange;
                ds.AskedSlot = null;
                ds.Failures = 0;
                return [_replies.ChangeMenu(dialog, ds, DialogPhrases.ChangeWhich(_language))];
            case DialogCommand.Change:
                return Reask(dialog, state, []);
            case DialogCommand.Back when ds.Phase == DialogPhase.ChoosingChange:
                return Advance(dialog, state, []); // back from the change menu: the verdict again
            case DialogCommand.Back when ds.FilledOrder.Count == 0:
                return Reask(dialog, state, [DialogPhrases.BackAtFirst(_language)]);
            case DialogCommand.Back:
                var previous = ds.FilledOrder[^1];
                var was = _replies.ValueLabel(dialog, previous, ds.Facts[previous]);
                ds.FilledOrder.RemoveAt(ds.FilledOrder.Count - 1);
                ds.Facts.Remove(previous);
                ds.Phase = DialogPhase.Asking;
                ds.AskedSlot = previous;
                ds.Failures = 0;
                return Reask(dialog, state, [DialogPhrases.Back(_language, _replies.SlotLabel(dialog, previous), was)]);
            case DialogCommand.Handoff:
                return Handoff(dialog, state);
            case DialogCommand.Why when ds.Phase == DialogPhase.ChoosingChange:
                return [_replies.ChangeMenu(dialog, ds, DialogPhrases.ChangePickOne(_language))];
            default:
                var why = dialog.FindSlot(ds.AskedSlot)!.Why.For(_language);
                return Reask(dialog, state, [DialogPhrases.Why(_language, why)]);
        }
    }

    private IReadOnlyList<BotReply> ChooseChange(DialogDefinition dialog, ConversationData state, string text)
    {
        var ds = state.Dialog!;
        var known = dialog.Slots.Where(s => ds.Facts.ContainsKey(s.Id)).ToList();

        // Words that name a question ("Charged for", "charging", "the charge question") pick it, before any of them
        // is read as an answer: "Charged for" is the menu item, not "yes, it is charged for".
        if (NamedSlot(known, text) is { } named)
        {
            return BeginChange(dialog, state, named.Id);
        }

        // "the provider is my own server": a new value for a known slot changes it directly.
        var stated = SlotFiller.Read(dialog, text, askedSlot: null, _language).Values
            .Where(kv => ds.Facts.TryGetValue(kv.Key, out var current) && current != kv.Value)
            .ToList();
        if (stated.Count == 1)
        {
            Fill(ds, stated[0].Key, stated[0].Value);
            ds.Failures = 0;
            return Advance(dialog, state, []);
        }

        var normalized = TextNormalizer.Normalize(text);
        var picked = known.FirstOrDefault(s =>
            TextNormalizer.Normalize(s.Label.For(_language)) == normalized || TextNormalizer.Normalize(s.Label.En) == normalized
            || s.Id == normalized.Replace(' ', '-'));
        if (picked is null && known.Count > 0 && normalized.Split(' ').Length <= 4
            && ChoiceNumberReader.Read(text, _language, known.Count) is { } number)
        {
            picked = known[number - 1];
        }

        if (picked is not null)
        {
            return BeginChange(dialog, state, picked.Id);
        }

        ds.Failures++;
        return [_replies.ChangeMenu(dialog, ds, DialogPhrases.ChangePickOne(_language))];
    }

    // Words that only say "question" or "answer" ("the charge question", "收费那个问题").
    private static readonly HashSet<string> MenuWords = new(UtteranceTokens.Of(
        "question answer change one about 问 题 答 案 修 改 那 这 个 一"), StringComparer.Ordinal);

    // Words too common to name a question on their own ("for" in "Charged for" and "What you use it for").
    private static readonly HashSet<string> FunctionWords = new(UtteranceTokens.Of(
        "for of to in it you is be what who which how where are they 是 否 的 在"), StringComparer.Ordinal);

    // The one known slot whose label (in either language) or id contains every word of the text, besides words such
    // as "question"; null when the text names none, only common words, or several slots.
    private static DialogSlot? NamedSlot(IReadOnlyList<DialogSlot> known, string text)
    {
        var words = UtteranceTokens.Of(text).Where(t => !MenuWords.Contains(t)).ToList();
        if (words.Count == 0 || words.All(FunctionWords.Contains))
        {
            return null;
        }

        var matches = known.Where(slot =>
        {
            var named = UtteranceTokens.Of($"{slot.Label.En} {slot.Label.Zh} {slot.Id.Replace('-', ' ')}").ToHashSet(StringComparer.Ordinal);
            return words.All(named.Contains);
        }).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private IReadOnlyList<BotReply> BeginChange(DialogDefinition dialog, ConversationData state, string slotId)
    {
        var ds = state.Dialog!;
        if (dialog.FindSlot(slotId) is null || !ds.Facts.TryGetValue(slotId, out var current))
        {
            ds.Phase = DialogPhase.ChoosingChange;
            ds.AskedSlot = null;
            return [_replies.ChangeMenu(dialog, ds, DialogPhrases.ChangePickOne(_language))];
        }

        ds.Facts.Remove(slotId);
        ds.FilledOrder.Remove(slotId);
        ds.PreviousValue = current;
        ds.Phase = DialogPhase.Asking;
        ds.AskedSlot = slotId;
        ds.Failures = 0;
        return Reask(dialog, state,
            [DialogPhrases.Changing(_language, _replies.SlotLabel(dialog, slotId), _replies.ValueLabel(dialog, slotId, current))]);
    }

    private IReadOnlyList<BotReply> Handoff(DialogDefinition dialog, ConversationData state)
    {
        var ds = state.Dialog!;
        var facts = ds.Facts.Count == 0
            ? DialogPhrases.HandoffNothingYet(_language)
            : _replies.FactLines(dialog, ds.Facts.Keys, ds.Facts);
        state.Dialog = null;
        return [_replies.Notice(DialogPhrases.Handoff(_language, _replies.Title(dialog)) + "\n" + facts + "\n\n"
                                + _replies.ComplianceContact() + "\n\n" + DialogPhrases.HandoffEnd(_language),
            [ReplyAction.ForDialog(DialogPhrases.StartAgainButton(_language), dialog.Id)])];
    }

    /// <summary>
    /// A control word typed when no dialog is waiting for an answer: "why" right after a verdict (in the next message,
    /// or right after such an explanation) explains that verdict again; anything else, "why" after another message in
    /// between included, says that no check is running (naming the finished one and offering "Change an answer" and
    /// "Start over" when there is one). <see cref="DialogCommand.Handoff"/> is the caller's (it needs no dialog).
    /// </summary>
    public IReadOnlyList<BotReply> Outside(DialogCommand command, ConversationData state)
    {
        var finished = state.Dialog is { Phase: DialogPhase.Finished } ds && _content.Snapshot.FindDialog(ds.DialogId) is { } d
                       && Resolve(state) is ({ }, { Count: 0 })
            ? d
            : null;
        if (finished is null)
        {
            return [_replies.Notice(DialogPhrases.NoCheckRunning(_language, command), _replies.MainTopics())];
        }

        var rule = finished.Rules.FirstOrDefault(r => r.Id == state.Dialog!.RuleId);
        var last = state.Dialog!;
        if (command == DialogCommand.Why && rule is not null && last.VerdictTurn == state.Turn - 1)
        {
            last.VerdictTurn = state.Turn; // "why" again still explains it
            return [_replies.VerdictReason(finished, rule)];
        }

        return [_replies.Notice(DialogPhrases.CheckFinished(_language, _replies.Title(finished)), FinishedActions(finished))];
    }
}
