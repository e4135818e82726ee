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

    // An auxiliary right before its subject asks something wherever it stands: "if we sublease, can we get fined".
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
        { "can", "could", "do", "does", "did", "is", "are", "am", "should", "would", "will", "may", "must", "shall" };

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
        { "i", "we", "you", "they", "it", "he", "she", "this", "that", "there", "my", "our", "your", "their" };

    // "will"/"would" right before a verb, with no subject, states a plan ("travelling to beijing, will use astrill").
    private static readonly HashSet<string> PlanModals = new(StringComparer.Ordinal) { "will", "would" };

    private static readonly HashSet<string> PlanVerbs = new(StringComparer.Ordinal)
    {
        "use", "be", "need", "have", "get", "bring", "buy", "take", "connect", "go", "travel", "work", "stay", "rely",
        "just", "probably", "mostly", "only", "also", "still", "mainly",
    };

    private static readonly string[] ChineseMarkers =
        ["吗", "呢", "什么", "怎么", "哪些", "哪个", "多少", "是否", "能否", "可否", "为什么", "如何", "能不能", "可不可以", "是不是", "有没有",
         "行不行", "会不会", "要不要", "可以不"];

    private static readonly HashSet<string> FirstPersonSingular = new(StringComparer.Ordinal) { "i", "im", "ive", "id", "ill", "my", "me", "mine" };

    /// <summary>
    /// True when <paramref name="text"/> speaks of the writer's own situation in the first person singular ("I'm…",
    /// "my…", "我…" but not "我们…"). "We"/"our" is left out: it is as often a company's general question.
    /// </summary>
    public static bool IsAboutOwnSituation(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Split(' ').Any(FirstPersonSingular.Contains))
        {
            return true;
        }

        for (var i = normalized.IndexOf('我'); i >= 0; i = normalized.IndexOf('我', i + 1))
        {
            if (i + 1 >= normalized.Length || normalized[i + 1] != '们')
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> FirstPersonPlural = new(StringComparer.Ordinal) { "we", "weve", "our", "ours", "us" };

    /// <summary>
    /// True when <paramref name="text"/> speaks of the writer's organisation in the first person plural ("can our sister
    /// company…", "we want to…", "我们…"). Alone it may be a company's general question; with the facts of a check it
    /// describes that company's case.
    /// </summary>
    public static bool IsAboutOwnOrganisation(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Split(' ').Any(FirstPersonPlural.Contains) || normalized.Contains("我们", StringComparison.Ordinal)
               || normalized.Contains("咱们", StringComparison.Ordinal) || normalized.Contains("我司", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> SingularSubjects = new(StringComparer.Ordinal) { "i", "me", "my" };

    private static readonly HashSet<string> PluralSubjects = new(StringComparer.Ordinal) { "we", "us", "our" };

    private static readonly string[] ChineseAsks = ["能", "可以", "可不可以", "能不能", "是否可以", "该", "想"];

    /// <summary>
    /// True when a clause of <paramref name="text"/> asks about the writer (<paramref name="plural"/> false: "can I",
    /// "should I", "am I allowed", "我能…", "我可以…") or their organisation (true: "can we", "can our sister company",
    /// "我们能…"): the question's subject is the writer, not someone the writer reports on ("my boss asked whether…").
    /// </summary>
    public static bool AsksAboutWriter(string? text, bool plural)
    {
        var subjects = plural ? PluralSubjects : SingularSubjects;
        var clauses = (text ?? string.Empty).Split([',', ';', ':', '.', '!', '?', '，', '；', '：', '。', '！', '？'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var clause in clauses)
        {
            var words = TextNormalizer.Normalize(clause).Split(' ');
            if (words.Zip(words.Skip(1)).Any(p => Auxiliaries.Contains(p.First) && subjects.Contains(p.Second)))
            {
                return true;
            }

        }

        // Chinese drops the subject of later clauses ("我下周去上海出差，可以用快连吗"): the writer (我, or 我们 for the
        // organisation) named before the ask is its subject.
        var whole = TextNormalizer.Normalize(text);
        var subject = plural ? "我们" : "我";
        for (var i = whole.IndexOf(subject, StringComparison.Ordinal); i >= 0; i = whole.IndexOf(subject, i + 1, StringComparison.Ordinal))
        {
            var after = i + subject.Length;
            if (!plural && after < whole.Length && whole[after] == '们')
            {
                continue;
            }

            if (ChineseAsks.Any(a => whole.IndexOf(a, after, StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> WhWords = new(StringComparer.Ordinal) { "what", "whats", "how", "who", "whos", "why", "which", "where", "when" };

    private static readonly string[] ChineseWhWords = ["什么", "怎么", "哪些", "如何", "多少", "为什么", "谁"];

    /// <summary>
    /// True when <paramref name="text"/> starts with a question word ("what are the penalties…", "how do I…") or, in
    /// Chinese, asks with one (什么, 怎么, 哪些 …): a question of its own, not an answer, even when it names a value.
    /// </summary>
    public static bool StartsWithQuestionWord(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var first = normalized.Split(' ')[0];
        return WhWords.Contains(first) || ChineseWhWords.Any(w => normalized.Contains(w, StringComparison.Ordinal));
    }

    private static bool IsPlanWithoutSubject(string[] words) =>
        words.Length >= 2 && PlanModals.Contains(words[0]) && PlanVerbs.Contains(words[1]);

    /// <summary>
    /// True when <paramref name="text"/> ends with a question mark, one of its clauses starts with a question word (but
    /// not "will use…", a plan with its subject left out) or puts an auxiliary before its subject ("can we"), or (Chinese) it carries a question particle or question word.
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
        foreach (var clause in clauses)
        {
            var words = TextNormalizer.Normalize(clause).Split(' ');
            if ((QuestionWords.Contains(words[0]) && !IsPlanWithoutSubject(words)) || words.Zip(words.Skip(1)).Any(p => Auxiliaries.Contains(p.First) && Subjects.Contains(p.Second)))
            {
                return true;
            }
        }

        var normalized = TextNormalizer.Normalize(trimmed);
        return ChineseMarkers.Any(m => normalized.Contains(m, StringComparison.Ordinal));
    }
}
