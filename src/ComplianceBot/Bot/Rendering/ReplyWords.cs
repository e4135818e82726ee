using ComplianceBot.Core.Text;

namespace ComplianceBot.Bot.Rendering;

/// <summary>
/// The few headings channel renderers add around a reply's own text (card labels), in the reply's language, which
/// is read from the reply text itself.
/// </summary>
internal sealed record ReplyWords(string BasedOn, string NextSteps, string Sources)
{
    private static readonly ReplyWords English = new("Based on", "Next steps", "Sources");
    private static readonly ReplyWords Chinese = new("依据的情况", "下一步", "出处");

    /// <summary>The words for the language <paramref name="sample"/> is written in.</summary>
    public static ReplyWords For(string? sample) => LanguageDetector.Detect(sample) == Language.Chinese ? Chinese : English;
}
