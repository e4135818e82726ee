namespace ComplianceBot.Bot.Rendering;

/// <summary>How a verdict id (<c>docs/reply-format.md</c>, "Verdicts") is shown: a symbol and an Adaptive Card colour/container style.</summary>
/// <param name="Symbol">Emoji shown before the headline (Teams, web chat and Slack all render it).</param>
/// <param name="Color">Adaptive Card TextBlock colour: <c>Good</c>, <c>Warning</c>, <c>Attention</c> or <c>Accent</c>.</param>
/// <param name="ContainerStyle">Adaptive Card container style: <c>good</c>, <c>warning</c>, <c>attention</c> or <c>emphasis</c>.</param>
public sealed record VerdictStyle(string Symbol, string Color, string ContainerStyle)
{
    /// <summary>
    /// The verdict in words, in <paramref name="language"/> (the reply's): Permitted / Permitted with conditions / Not
    /// permitted / Needs review (允许 / 有条件允许 / 不允许 / 需要合规团队审核); an unknown id as is.
    /// </summary>
    public static string Label(string verdict, Core.Text.Language language)
    {
        var chinese = language == Core.Text.Language.Chinese;
        return verdict switch
        {
            "permitted" => chinese ? "允许" : "Permitted",
            "conditional" => chinese ? "有条件允许" : "Permitted with conditions",
            "not-permitted" => chinese ? "不允许" : "Not permitted",
            "needs-review" => chinese ? "需要合规团队审核" : "Needs review",
            _ => verdict,
        };
    }

    /// <summary>
    /// The style of <paramref name="verdict"/>: <c>permitted</c> ✅ good, <c>conditional</c> ⚠️ warning,
    /// <c>not-permitted</c> ⛔ attention; <c>needs-review</c> and any unknown id 🔎 emphasis.
    /// </summary>
    public static VerdictStyle For(string verdict) => verdict switch
    {
        "permitted" => new("✅", "Good", "good"),
        "conditional" => new("⚠️", "Warning", "warning"),
        "not-permitted" => new("⛔", "Attention", "attention"),
        _ => new("🔎", "Accent", "emphasis"),
    };
}
