using ComplianceBot.Core.Text;

namespace ComplianceBot.Bot.Rendering;

/// <summary>
/// The few headings channel renderers add around a reply's own text (card labels), in the reply's language
/// (<see cref="Core.Conversation.BotReply.Language"/>, set by the core: never guessed from the text, which may quote the
/// other language).
/// </summary>
internal sealed record ReplyWords(string BasedOn, string NextSteps, string Sources)
{
    private static readonly ReplyWords English = new("Based on", "Next steps", "Sources");
    private static readonly ReplyWords Chinese = new("依据的情况", "下一步", "出处");

    /// <summary>The words for <paramref name="language"/>.</summary>
    public static ReplyWords For(Language language) => language == Language.Chinese ? Chinese : English;
}
