namespace ComplianceBot.Core.Text;

/// <summary>The languages the bot reads and writes. English is the default for content and replies.</summary>
public enum Language
{
    /// <summary>English (<c>en</c>).</summary>
    English,

    /// <summary>Simplified Chinese (<c>zh</c>).</summary>
    Chinese,
}

/// <summary>Language codes as written in content files.</summary>
public static class LanguageCodes
{
    /// <summary>Returns the content-file code of <paramref name="language"/>: <c>en</c> or <c>zh</c>.</summary>
    public static string ToCode(this Language language) => language == Language.Chinese ? "zh" : "en";

    /// <summary>Parses <c>en</c> or <c>zh</c> (case-insensitive); returns <see langword="null"/> for anything else.</summary>
    public static Language? FromCode(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "en" => Language.English,
        "zh" => Language.Chinese,
        _ => null,
    };

    /// <summary>
    /// The language a channel's locale asks for: <see cref="Language.Chinese"/> for any <c>zh</c> locale (<c>zh-CN</c>,
    /// <c>zh-Hant-TW</c>, case-insensitive); <see langword="null"/> otherwise (English or no locale says nothing the
    /// conversation's own language should give way to).
    /// </summary>
    public static Language? FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Chinese : null;
}
