using System.Collections.Immutable;
using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Dialogs;

/// <summary>Corrections of a fact after a verdict.</summary>
public sealed partial class DialogEngine
{
    /// <summary>
    /// After a verdict, a message that changes one of its facts ("actually it's not Astrill, it's my employer's approved
    /// channel", "oh wait, we do bill them for it", "其实我们收费") decides the check again with the other facts kept:
    /// the verdict, or the question a rule now needs. It is a correction when it has a correction cue
    /// (<c>knowledge/follow-ups.yaml</c>) and states a fact of the finished check, or when it comes right after the
    /// verdict, is no question, and changes a fact the verdict had. Null for any other message (and for buttons).
    /// </summary>
    public TurnResult? Correct(TurnAnalysis turn, ConversationState state)
    {
        if (state.Dialog is not { Phase: DialogPhase.Finished } ds || turn.Input.Value is not null
            || Resolve(ds) is not { Status: DialogStatus.Usable, Dialog: { } dialog }
            || turn.StatedFor(dialog.Id)?.Reading is not { } stated)
        {
            return null;
        }

        var changed = stated.Values.Where(kv => !ds.Facts.TryGetValue(kv.Key, out var old) || old != kv.Value)
            .OrderBy(kv => dialog.SlotOrder(kv.Key)).ToList();
        var changesKnown = changed.Any(kv => ds.Facts.ContainsKey(kv.Key));
        var rightAfter = ds.VerdictTurn == state.Turn - 1;
        if (OpenedSlots(dialog, ds, stated, asked: null, turn.IsQuestion) is { Count: > 0 } opened && (turn.HasCorrectionCue || rightAfter))
        {
            // "actually it's a hk sim" after a verdict on roaming: that fact was none of its choices, so it is open again
            return AskOpen(dialog, state, opened, changed.Where(kv => !opened.Contains(kv.Key)).ToList(), asked: null);
        }

        if (changed.Count == 0 || !changesKnown
            || !(turn.HasCorrectionCue || (rightAfter && !turn.IsQuestion)))
        {
            return ReopenDoubted(dialog, state, turn, stated, rightAfter);
        }

        var next = ds;
        foreach (var (slot, value) in changed)
        {
            next = next.Fill(slot, value);
        }

        next = next with { Failures = 0, PreviousValue = null, Verdict = null, RuleId = null };
        var first = changed.First(kv => ds.Facts.ContainsKey(kv.Key));
        var decision = new Decision(DecisionKind.Correction)
        {
            DialogId = dialog.Id,
            SlotId = first.Key,
            Value = first.Value,
            Reason = $"was {ds.Facts[first.Key]}; other facts kept",
            Facts = changed.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        };
        return Advance(dialog, state with { Dialog = next },
            [DialogPhrases.Noted(_language) + "\n" + _replies.FactLines(dialog, changed.Select(kv => kv.Key).ToList(), next.Facts)], decision);
    }

    /// <summary>
    /// After a verdict, a statement (right after it, or with a correction cue) that leaves a fact of the finished check
    /// open: a guessed or doubted value ("应该是工作用吧": probably for work), or, right after the verdict, a hedged
    /// answer to the check's last question ("yes i think so", read by <see cref="TurnAnalyzer"/>). A guess is never
    /// confirmed, so the verdict no longer stands on that fact: the question is asked again with its options (or the
    /// slot takes its unsure value where the hedge gives it). Null for any other message.
    /// </summary>
    private TurnResult? ReopenDoubted(DialogDefinition dialog, ConversationState state, TurnAnalysis turn, SlotReading stated, bool rightAfter)
    {
        var ds = state.Dialog!;
        if (!(turn.HasCorrectionCue || (rightAfter && !turn.IsQuestion)))
        {
            return null;
        }

        var slot = stated.Ambiguous.Keys.Where(k => dialog.FindSlot(k) is not null).OrderBy(dialog.SlotOrder).FirstOrDefault();
        if (slot is null && rightAfter && stated.IsEmpty && ds.FilledOrder.Length > 0 && turn.Answer is { } answer)
        {
            var last = ds.FilledOrder[^1];
            if (answer.Values.TryGetValue(last, out var unsure) && unsure == SlotFiller.UnsureValue && ds.Facts[last] != unsure)
            {
                var next = ds.Fill(last, unsure) with { Failures = 0, PreviousValue = null, Verdict = null, RuleId = null };
                return Advance(dialog, state with { Dialog = next },
                    [DialogPhrases.Noted(_language) + "\n" + _replies.FactLines(dialog, [last], next.Facts)],
                    new Decision(DecisionKind.Correction) { DialogId = dialog.Id, SlotId = last, Value = unsure, Reason = $"a hedged answer to the last question; was {ds.Facts[last]}" });
            }

            slot = answer.Ambiguous.ContainsKey(last) ? last : null;
        }

        if (slot is null)
        {
            return null;
        }

        var reopened = ds.Forget(slot) with
        {
            Phase = DialogPhase.Asking,
            AskedSlot = slot,
            PreviousValue = ds.Facts.GetValueOrDefault(slot),
            Failures = 0,
            Verdict = null,
            RuleId = null,
        };
        return Reask(dialog, state with { Dialog = reopened }, [DialogPhrases.Reopened(_language, _replies.SlotLabel(dialog, slot))],
            new Decision(DecisionKind.Correction) { DialogId = dialog.Id, SlotId = slot, Reason = "left open after the verdict: asked again" },
            listChoices: true);
    }
}
