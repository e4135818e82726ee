using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Knowledge;

/// <summary>A text written in English and, optionally, Chinese.</summary>
/// <param name="En">The English text; never null (may be empty only where a validator has reported it).</param>
/// <param name="Zh">The Chinese text, or <see langword="null"/> when the author gave none.</param>
public sealed record LocalizedText(string En, string? Zh = null)
{
    /// <summary>The text in <paramref name="language"/>, falling back to English when there is no Chinese text.</summary>
    public string For(Language language) =>
        language == Language.Chinese && !string.IsNullOrWhiteSpace(Zh) ? Zh : En;
}
