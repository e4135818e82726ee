using System.Collections.Immutable;
using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Dialogs;

/// <summary>Answers that name something none of a question's choices fit (<see cref="DialogSlot.NoneOfThese"/>).</summary>
public sealed partial class DialogEngine
{
    /// <summary>
    /// The slots that <paramref name="reading"/> leaves open and that stay open now: the slot asked, or one answered before
    /// when the message is no question ("it's a hk sim" at the purpose question, after "roaming"). Empty when none.
    /// </summary>
    private static List<string> OpenedSlots(DialogDefinition dialog, DialogState ds, SlotReading reading, string? asked, bool isQuestion) =>
        reading.Open.Where(s => dialog.FindSlot(s)?.NoneOfThese is not null && (s == asked || (!isQuestion && ds.Facts.ContainsKey(s))))
            .OrderBy(dialog.SlotOrder).ToList();

    /// <summary>The <c>none_of_these</c> replies of <paramref name="slots"/>, in the reader's language, each once.</summary>
    private List<string> OpenReplies(DialogDefinition dialog, IEnumerable<string> slots) =>
        slots.Select(s => dialog.FindSlot(s)?.NoneOfThese?.Reply.For(_language)).OfType<string>().Select(t => t.Trim()).Distinct().ToList();

    /// <summary>
    /// A message that names, for <paramref name="opened"/>, something none of their choices fit ("hk sim roaming" at "how do
    /// you connect"): their facts are forgotten (never read as a choice), <paramref name="otherFacts"/> the message gives
    /// are kept, and the check goes on with the slots' replies and the compliance team offered: the question stays open.
    /// </summary>
    private TurnResult AskOpen(DialogDefinition dialog, ConversationState state, IReadOnlyList<string> opened,
        IReadOnlyList<KeyValuePair<string, string>> otherFacts, string? asked)
    {
        var next = state.Dialog!;
        foreach (var slot in opened)
        {
            next = next.Forget(slot);
        }

        foreach (var (slot, value) in otherFacts)
        {
            next = next.Fill(slot, value);
        }

        next = next with { Failures = 0, PreviousValue = null, Verdict = null, RuleId = null };
        var preface = new List<string>();
        var noted = otherFacts.Select(f => f.Key).ToList();
        if (noted.Count > 0)
        {
            preface.Add(DialogPhrases.Noted(_language) + "\n" + _replies.FactLines(dialog, noted, next.Facts));
        }

        if (!RuleEvaluator.Evaluate(dialog, next.Facts).IsDecided)
        {
            preface.AddRange(OpenReplies(dialog, opened)); // not before a verdict the other facts decide ("hong kong, with my hk sim")
        }

        var decision = new Decision(DecisionKind.SlotOpen)
        {
            DialogId = dialog.Id,
            SlotId = opened[0],
            Reason = $"names none of the choices of {string.Join(", ", opened)}" + (asked is not null && !opened.Contains(asked) ? $" (asked {asked})" : string.Empty),
            Facts = otherFacts.ToImmutableSortedDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
        };
        return Advance(dialog, state with { Dialog = next }, preface, decision, offerHandoff: true);
    }
}
