namespace ComplianceBot.Bot.Rendering;

/// <summary>How a verdict id (contract section 2) is shown: a symbol and an Adaptive Card colour/container style.</summary>
/// <param name="Symbol">Emoji shown before the headline (Teams, web chat and Slack all render it).</param>
/// <param name="Color">Adaptive Card TextBlock colour: <c>Good</c>, <c>Warning</c>, <c>Attention</c> or <c>Accent</c>.</param>
/// <param name="ContainerStyle">Adaptive Card container style: <c>good</c>, <c>warning</c>, <c>attention</c> or <c>emphasis</c>.</param>
public sealed record VerdictStyle(string Symbol, string Color, string ContainerStyle)
{
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
