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
}
