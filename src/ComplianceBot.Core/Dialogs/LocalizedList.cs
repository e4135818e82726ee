using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>A list of texts written in English and, optionally, Chinese (trigger phrasings, synonyms, next steps).</summary>
/// <param name="En">The English items, in file order; may be empty.</param>
/// <param name="Zh">The Chinese items, in file order; may be empty.</param>
public sealed record LocalizedList(IReadOnlyList<string> En, IReadOnlyList<string> Zh)
{
    /// <summary>An empty list in both languages.</summary>
    public static LocalizedList Empty { get; } = new([], []);

    /// <summary>The items in <paramref name="language"/>, falling back to English when there are no Chinese items.</summary>
    public IReadOnlyList<string> For(Language language) => language == Language.Chinese && Zh.Count > 0 ? Zh : En;

    /// <summary>Every item of both languages, English first.</summary>
    public IEnumerable<string> All => En.Concat(Zh);
}
