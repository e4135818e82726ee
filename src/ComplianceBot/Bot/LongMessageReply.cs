using System.Globalization;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Bot;

/// <summary>
/// The reply to a message longer than <see cref="Hosting.InputLimitsOptions.MaxMessageLength"/>: it is not matched
/// (matching time grows with the text), the user is asked for a shorter question in the message's language, and a
/// decision dialog in progress is left as it was and mentioned (the bot then asks its question again, see
/// <see cref="ComplianceAssistant.RepeatQuestion"/>), so the next answer continues it.
/// </summary>
public static class LongMessageReply
{
    // The language of a long text shows in its first few hundred characters.
    private const int LanguageSample = 500;

    /// <summary>A <see cref="ReplyKind.Notice"/> with no machine-readable value (it carries no knowledge or dialog logic).</summary>
    /// <param name="text">The message text (too long).</param>
    /// <param name="maxLength">The limit it exceeds, in characters.</param>
    /// <param name="dialogInProgress">Whether a decision dialog is waiting for an answer in this conversation.</param>
    public static BotReply For(string text, int maxLength, bool dialogInProgress)
    {
        var chinese = LanguageDetector.Detect(text.Length > LanguageSample ? text[..LanguageSample] : text) == Language.Chinese;
        var length = text.Length.ToString("N0", CultureInfo.InvariantCulture);
        var max = maxLength.ToString("N0", CultureInfo.InvariantCulture);
        var reply = chinese
            ? $"这条消息太长了（{length} 个字符，我最多读 {max} 个）。请用一两句话提一个更短的问题。"
            : $"That message is too long for me ({length} characters; I read up to {max}). Please ask a shorter question, in a sentence or two.";
        if (dialogInProgress)
        {
            reply += chinese
                ? "你的情况检查还在进行中：请回答下面的问题，或输入“取消”。"
                : " Your situation check is still open: answer its question below, or type \"cancel\".";
        }

        return new BotReply { Kind = ReplyKind.Notice, Language = chinese ? Language.Chinese : Language.English, Text = reply };
    }
}
