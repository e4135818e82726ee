using System.Collections.Immutable;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Dialogs;

/// <summary>Control words, changing an answer after the verdict, and the hand-off to the compliance team.</summary>
public sealed partial class DialogEngine
{
    private TurnResult Command(DialogDefinition dialog, ConversationState state, DialogCommand command)
    {
        var ds = state.Dialog!;
        var decision = new Decision(DecisionKind.Control) { DialogId = dialog.Id, Command = command };
        switch (command)
        {
            case DialogCommand.Cancel:
                return new TurnResult(decision, [_replies.Notice(DialogPhrases.Cancelled(_language, _replies.Title(dialog)),
                    [ReplyAction.ForDialog(DialogPhrases.StartAgainButton(_language), dialog.Id)])], state with { Dialog = null });
            case DialogCommand.Restart:
                return Begin(dialog, state, null, [DialogPhrases.Restarted(_language, _replies.Title(dialog))], decision);
            case DialogCommand.Change when ds.Facts.Count > 0:
                var choosing = ds with { Phase = DialogPhase.ChoosingChange, AskedSlot = null, Failures = 0 };
                return new TurnResult(decision, [_replies.ChangeMenu(dialog, choosing, DialogPhrases.ChangeWhich(_language))],
                    state with { Dialog = choosing });
            case DialogCommand.Change:
                return Reask(dialog, state, [], decision);
            case DialogCommand.Back when ds.Phase == DialogPhase.ChoosingChange:
                return Advance(dialog, state, [], decision); // back from the change menu: the verdict again
            case DialogCommand.Back when ds.FilledOrder.Length == 0:
                return Reask(dialog, state, [DialogPhrases.BackAtFirst(_language)], decision);
            case DialogCommand.Back:
                var previous = ds.FilledOrder[^1];
                var was = _replies.ValueLabel(dialog, previous, ds.Facts[previous]);
                var back = ds.Forget(previous) with { Phase = DialogPhase.Asking, AskedSlot = previous, Failures = 0 };
                return Reask(dialog, state with { Dialog = back }, [DialogPhrases.Back(_language, _replies.SlotLabel(dialog, previous), was)],
                    decision with { SlotId = previous });
            case DialogCommand.Handoff:
                return Handoff(dialog, state);
            case DialogCommand.Why when ds.Phase == DialogPhase.ChoosingChange:
                return new TurnResult(decision, [_replies.ChangeMenu(dialog, ds, DialogPhrases.ChangePickOne(_language))], state);
            default:
                var asked = dialog.FindSlot(ds.AskedSlot)!;
                var why = asked.Why.For(_language).Trim();
                if (asked.HowToFindOut is { } howTo)
                {
                    why += "\n\n" + DialogPhrases.HowToFindOut(_language, howTo.For(_language).Trim());
                }

                return Reask(dialog, state, [DialogPhrases.Why(_language, why)], decision);
        }
    }

    private TurnResult ChooseChange(DialogDefinition dialog, ConversationState state, TurnAnalysis turn, Func<TurnResult?> aside)
    {
        var ds = state.Dialog!;
        var known = dialog.Slots.Where(s => ds.Facts.ContainsKey(s.Id)).ToList();

        // Words that name a question ("Charged for", "charging", "the charge question") pick it, before any of them
        // is read as an answer: "Charged for" is the menu item, not "yes, it is charged for".
        if (NamedSlot(known, turn.Text) is { } named)
        {
            return BeginChange(dialog, state, named.Id);
        }

        // "the provider is my own server": a new value for a known slot changes it directly.
        var stated = (turn.StatedFor(dialog.Id)?.Reading.Values ?? ImmutableDictionary<string, string>.Empty)
            .Where(kv => ds.Facts.TryGetValue(kv.Key, out var current) && current != kv.Value)
            .ToList();
        if (stated.Count == 1)
        {
            var (slot, value) = stated[0];
            return Advance(dialog, state with { Dialog = ds.Fill(slot, value) with { Failures = 0 } }, [],
                new Decision(DecisionKind.Correction) { DialogId = dialog.Id, SlotId = slot, Value = value, Reason = "a new value named in the change menu" });
        }

        var normalized = turn.Normalized;
        var picked = known.FirstOrDefault(s =>
            TextNormalizer.Normalize(s.Label.For(_language)) == normalized || TextNormalizer.Normalize(s.Label.En) == normalized
            || s.Id == normalized.Replace(' ', '-'));
        if (picked is null && known.Count > 0 && normalized.Split(' ').Length <= 4
            && ChoiceReference.Read(turn.Text) is { } number && number >= 1 && number <= known.Count)
        {
            picked = known[number - 1];
        }

        if (picked is not null)
        {
            return BeginChange(dialog, state, picked.Id);
        }

        // A question the FAQ answers ("what are the penalties for companies?") is answered, and the menu offered again.
        if (Aside(dialog, state, aside) is { } answered)
        {
            return answered;
        }

        var failed = ds with { Failures = ds.Failures + 1 };
        return new TurnResult(new Decision(DecisionKind.NotUnderstood) { DialogId = dialog.Id, Reason = "choosing an answer to change" },
            [_replies.ChangeMenu(dialog, failed, DialogPhrases.ChangePickOne(_language))], state with { Dialog = failed });
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

    private TurnResult BeginChange(DialogDefinition dialog, ConversationState state, string slotId)
    {
        var ds = state.Dialog!;
        var decision = new Decision(DecisionKind.Control) { DialogId = dialog.Id, Command = DialogCommand.Change, SlotId = slotId };
        if (dialog.FindSlot(slotId) is null || !ds.Facts.TryGetValue(slotId, out var current))
        {
            var choosing = ds with { Phase = DialogPhase.ChoosingChange, AskedSlot = null };
            return new TurnResult(decision, [_replies.ChangeMenu(dialog, choosing, DialogPhrases.ChangePickOne(_language))], state with { Dialog = choosing });
        }

        var changing = ds.Forget(slotId) with { PreviousValue = current, Phase = DialogPhase.Asking, AskedSlot = slotId, Failures = 0 };
        return Reask(dialog, state with { Dialog = changing },
            [DialogPhrases.Changing(_language, _replies.SlotLabel(dialog, slotId), _replies.ValueLabel(dialog, slotId, current))], decision);
    }

    private TurnResult Handoff(DialogDefinition dialog, ConversationState state)
    {
        var ds = state.Dialog!;
        var facts = ds.Facts.Count == 0
            ? DialogPhrases.HandoffNothingYet(_language)
            : _replies.FactLines(dialog, ds.Facts.Keys, ds.Facts);
        return new TurnResult(new Decision(DecisionKind.Handoff) { DialogId = dialog.Id, Facts = ds.Facts },
            [_replies.Notice(DialogPhrases.Handoff(_language, _replies.Title(dialog)) + "\n" + facts + "\n\n"
                             + _replies.ComplianceContact() + "\n\n" + DialogPhrases.HandoffEnd(_language),
                [ReplyAction.ForDialog(DialogPhrases.StartAgainButton(_language), dialog.Id)])],
            state with { Dialog = null });
    }

    /// <summary>
    /// A control word typed when no dialog is waiting for an answer: "why" right after a verdict (in the next message,
    /// or right after such an explanation) explains that verdict again; anything else, "why" after another message in
    /// between included, says that no check is running (naming the finished one and offering "Change an answer" and
    /// "Start over" when there is one). <see cref="DialogCommand.Handoff"/> is the caller's (it needs no dialog).
    /// </summary>
    public TurnResult Outside(DialogCommand command, ConversationState state)
    {
        var last = state.Dialog;
        var finished = last is { Phase: DialogPhase.Finished } && Resolve(last) is { Status: DialogStatus.Usable, Dialog: { } d } ? d : null;
        if (finished is null)
        {
            return new TurnResult(new Decision(DecisionKind.Control) { Command = command, Reason = "no check running" },
                [_replies.Notice(DialogPhrases.NoCheckRunning(_language, command), _replies.MainTopics())], state);
        }

        var rule = finished.Rules.FirstOrDefault(r => r.Id == last!.RuleId);
        var decision = new Decision(DecisionKind.Control) { DialogId = finished.Id, Command = command };
        var rightAfter = last!.VerdictTurn == state.Turn - 1;
        if (command == DialogCommand.Back && rightAfter && last.FilledOrder.Length > 0)
        {
            // "back" right after a verdict: the last answer is asked again, the others are kept
            var previous = last.FilledOrder[^1];
            var was = _replies.ValueLabel(finished, previous, last.Facts[previous]);
            var reopened = last.Forget(previous) with { Phase = DialogPhase.Asking, AskedSlot = previous, Failures = 0, Verdict = null, RuleId = null };
            return Reask(finished, state with { Dialog = reopened }, [DialogPhrases.Back(_language, _replies.SlotLabel(finished, previous), was)],
                decision with { SlotId = previous, Reason = "right after the verdict: its last answer asked again" });
        }

        if (command == DialogCommand.Cancel && rightAfter)
        {
            // "cancel" right after a verdict: the check is closed (its facts are no longer kept for corrections)
            return new TurnResult(decision with { Reason = "right after the verdict: the check is closed" },
                [_replies.Notice(DialogPhrases.Cancelled(_language, _replies.Title(finished)),
                    [ReplyAction.ForDialog(DialogPhrases.StartAgainButton(_language), finished.Id)])], state with { Dialog = null });
        }

        if (command == DialogCommand.Why && rule is not null && last!.VerdictTurn == state.Turn - 1)
        {
            // "why" again still explains it
            return new TurnResult(decision with { Reason = $"explains verdict {last.Verdict} (rule {rule.Id}) again" },
                [_replies.VerdictReason(finished, rule)], state with { Dialog = last with { VerdictTurn = state.Turn } });
        }

        return new TurnResult(decision with { Reason = "the check has finished" },
            [_replies.Notice(DialogPhrases.CheckFinished(_language, _replies.Title(finished)), FinishedActions(finished))], state);
    }
}
