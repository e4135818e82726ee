namespace ComplianceBot.Core.Text;

/// <summary>
/// Decides which language an utterance is written in, from its characters alone (no model, no allocation).
/// </summary>
public static class LanguageDetector
{
    /// <summary>
    /// Returns <see cref="Language.Chinese"/> when the text has at least two CJK ideographs, or at least one and
    /// no more than three Latin letters per ideograph (so "VPN 合法吗" is Chinese and "is 翻墙 legal in China" is
    /// English); otherwise <see cref="Language.English"/>. Null or empty text is English.
    /// </summary>
    public static Language Detect(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Language.English;
        }

        int han = 0, latin = 0;
        foreach (var ch in text)
        {
            if (Scripts.IsHan(ch))
            {
                han++;
            }
            else if (ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latin++;
            }
        }

        if (han == 0)
        {
            return Language.English;
        }

        return han * 3 >= latin || han >= 4 ? Language.Chinese : Language.English;
    }
}
