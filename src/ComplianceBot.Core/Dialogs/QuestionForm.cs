using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Dialogs;

/// <summary>Tells a question ("is a paid VPN legal?", "处罚有哪些") from a statement ("I use a paid VPN in Shanghai").</summary>
public static class QuestionForm
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "how", "why", "who", "which", "when", "where", "is", "are", "am", "r", "can", "could", "do", "does",
        "did", "should", "would", "will", "may", "must", "isnt", "arent", "cant", "any",
    };

    private static readonly string[] ChineseMarkers = ["吗", "呢", "什么", "怎么", "哪些", "哪个", "多少", "是否", "能否", "可否", "为什么", "如何"];

    /// <summary>
    /// True when <paramref name="text"/> ends with a question mark, one of its clauses starts with a question word, or
    /// (Chinese) it carries a question particle or question word.
    /// </summary>
    public static bool IsQuestion(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.EndsWith('?') || trimmed.EndsWith('？'))
        {
            return true;
        }

        // Any clause may carry the question: "my boss asked me, is a paid vpn even legal".
        var clauses = trimmed.Split([',', ';', ':', '.', '!', '，', '；', '：', '。', '！'], StringSplitOptions.RemoveEmptyEntries);
        if (clauses.Any(c => QuestionWords.Contains(TextNormalizer.Normalize(c).Split(' ')[0])))
        {
            return true;
        }

        var normalized = TextNormalizer.Normalize(trimmed);
        return ChineseMarkers.Any(m => normalized.Contains(m, StringComparison.Ordinal));
    }
}
