using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Core.Dialogs;

/// <summary>An answer that says the writer does not know.</summary>
public sealed partial class DialogEngine
{
    // Words of an embedded question about a term ("not sure what approved scope means", "不知道什么是专线"): the writer
    // asks for an explanation, which the FAQ gives aside.
    private static readonly HashSet<string> AsksWhat = new(UtteranceTokens.Of("what which how mean means meaning 什 么 啥 意 思 怎"), StringComparer.Ordinal);

    /// <summary>
    /// A statement that says the writer does not know and gives no value for the question asked ("dunno if it goes over
    /// approved channel" at the charging question): it answers that question, not another one, so it is never answered
    /// aside from the FAQ. The question's unsure value where that means "don't know"
    /// (<see cref="SlotFiller.UnsureMeansDontKnow"/>); otherwise the question again, with its options
    /// and the compliance team offered. Null for any other message.
    /// </summary>
    private TurnResult? NotKnown(DialogDefinition dialog, ConversationState state, TurnAnalysis turn, SlotReading reading)
    {
        var ds = state.Dialog!;
        var asked = ds.AskedSlot!;
        if (turn.IsQuestion || reading.Values.ContainsKey(asked) || !SlotFiller.ContainsAny(SlotFiller.DontKnowMarkers, turn.Tokens) || turn.Tokens.Any(AsksWhat.Contains)
            || dialog.FindSlot(asked) is not { } slot)
        {
            return null;
        }

        var decision = new Decision(DecisionKind.SlotAnswer) { DialogId = dialog.Id, SlotId = asked, Reason = "says the writer does not know" };
        if (SlotFiller.UnsureMeansDontKnow(slot) && slot.FindChoice(SlotFiller.UnsureValue) is { } unsure)
        {
            var next = ds.Fill(asked, unsure.Value) with { Failures = 0, PreviousValue = null };
            return Advance(dialog, state with { Dialog = next }, [], decision with { Value = unsure.Value });
        }

        return Reask(dialog, state, [DialogPhrases.NotKnown(_language)], decision with { Kind = DecisionKind.SlotAmbiguous }, listChoices: true, offerHandoff: true);
    }
}
