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
    public static Language Detect(string? text) => ByCharacters(text);

    /// <summary>
    /// The language to answer <paramref name="text"/> in, by the share of words: Chinese words are counted as ideographs
    /// over <see cref="CharactersPerChineseWord"/>, English words as runs of Latin letters. Chinese when it has at least
    /// <see cref="ClearShare"/> times as many words as English, English when the reverse holds, so a mostly-English
    /// message that quotes a Chinese term ("what do 疏导 and 堵塞 mean?") is answered in English and "VPN合法吗" in
    /// Chinese; in between, the conversation's language (<paramref name="conversation"/>) stays, and without one the
    /// character rule of <see cref="Detect"/> decides. Null or empty text is English.
    /// </summary>
    public static Language DetectReply(string? text, Language? conversation)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Language.English;
        }

        int han = 0, englishWords = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var latin = ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
            if (Scripts.IsHan(ch))
            {
                han++;
            }
            else if (latin && !inWord)
            {
                englishWords++;
            }

            inWord = latin;
        }

        if (han == 0)
        {
            return Language.English;
        }

        var chineseWords = han / CharactersPerChineseWord;
        if (englishWords == 0 || chineseWords >= ClearShare * englishWords)
        {
            return Language.Chinese;
        }

        if (englishWords >= ClearShare * chineseWords)
        {
            return Language.English;
        }

        return conversation ?? ByCharacters(text);
    }

    /// <summary>Ideographs per Chinese word, on average, when word shares are compared. 1.7.</summary>
    public const double CharactersPerChineseWord = 1.7;

    /// <summary>How many times the words of one language must outnumber the other's for the message to be clearly in it. 1.5.</summary>
    public const double ClearShare = 1.5;

    private static Language ByCharacters(string? text)
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
