using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Text;
using ComplianceBot.Storage;

namespace ComplianceBot.Bot;

/// <summary>
/// What a person hears who comes back to a check whose state is gone (expired after <see cref="StorageOptions.ConversationTtl"/>
/// idle, or unreadable after an update): that the check was closed, and buttons to start it again; never "that button
/// is not for this question".
/// </summary>
public static class ClosedCheckReply
{
    /// <summary>
    /// True when the conversation's check is known to be lost: its stored state could not be read, or a check's button
    /// (an answer or a control, <c>slot</c>/<c>dialog</c> in its value) arrives in a conversation with no state at all.
    /// </summary>
    public static bool Applies(TurnInput input, StoredConversation stored) =>
        stored.Status == StoredStateStatus.Unreadable
        || (stored.Status == StoredStateStatus.Absent && IsCheckButton(input));

    /// <summary>True when <paramref name="input"/> is a click on a check's button (a choice or a control), not a topic or start button.</summary>
    public static bool IsCheckButton(TurnInput input) =>
        input.Value is { } value && (value.ContainsKey(DialogActions.SlotKey) || value.ContainsKey(DialogActions.DialogKey)) && !value.ContainsKey(DialogActions.StartKey);

    /// <summary>
    /// The notice, with a button to start the lost check again when it is known and still in <paramref name="content"/>
    /// (otherwise one per available check), in the message's language.
    /// </summary>
    public static BotReply For(TurnInput input, StoredConversation stored, ContentSnapshot content)
    {
        var chinese = LanguageCodes.FromLocale(input.Locale) == Language.Chinese
                      || LanguageDetector.Detect(input.Text) == Language.Chinese;
        var language = chinese ? Language.Chinese : Language.English;
        var lostId = stored.LostDialogId ?? (input.Value?.TryGetValue(DialogActions.DialogKey, out var id) == true ? id : null);
        var dialogs = content.FindDialog(lostId) is { } lost ? [lost] : content.Dialogs;
        // A button with no state behind it may come from a check that expired or from one never held here (an old
        // card, another conversation): the notice must be true either way. Typed text reaches here only when stored
        // state exists and could not be read.
        var text = (IsCheckButton(input), chinese) switch
        {
            (true, true) => "这个按钮属于一个在本对话中并未进行的情况检查：检查在闲置太久或更新后会关闭，回答不会保留。要重新开始吗？",
            (true, false) => "That button is from a situation check that is not open in this conversation: checks close after a long idle time or an update, and their answers are not kept. Would you like to start again?",
            (false, true) => "你之前的情况检查在更新后无法读取，已经关闭，之前的回答没有保留。要重新开始吗？",
            (false, false) => "Your earlier situation check could not be read after an update and was closed, so its answers are not kept. Would you like to start again?",
        };
        return new BotReply
        {
            Kind = ReplyKind.Notice,
            Language = language,
            Text = text,
            Actions = [.. dialogs.Select(d => ReplyAction.ForDialog(chinese ? d.Title.Zh ?? d.Title.En : d.Title.En, d.Id))],
        };
    }
}
