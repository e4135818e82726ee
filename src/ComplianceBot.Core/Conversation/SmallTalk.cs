namespace ComplianceBot.Core.Conversation;

/// <summary>What kind of social message a whole message is.</summary>
public enum SmallTalkKind
{
    /// <summary>Not small talk.</summary>
    None,

    /// <summary>"hi", "hello", 你好.</summary>
    Greeting,

    /// <summary>"thanks", 谢谢.</summary>
    Thanks,

    /// <summary>"bye", "goodbye", 再见.</summary>
    Farewell,

    /// <summary>"help", "menu", 帮助: what the bot does.</summary>
    Help,
}

/// <summary>Recognises greetings, thanks, farewells and requests for help, in English and Chinese, as the whole message.</summary>
public static class SmallTalk
{
    private static readonly Dictionary<string, SmallTalkKind> Phrases = Build(new()
    {
        [SmallTalkKind.Greeting] = ["hi", "hello", "hey", "hallo", "good morning", "good afternoon", "good evening", "hi there", "hello there",
            "你好", "您好", "嗨", "哈喽"],
        [SmallTalkKind.Thanks] = ["thanks", "thank you", "thx", "ty", "thanks a lot", "cheers", "ok thanks", "great thanks", "谢谢", "多谢", "谢谢你", "感谢"],
        [SmallTalkKind.Farewell] = ["bye", "goodbye", "good bye", "bye bye", "byebye", "bye now", "see you", "see ya", "see you later", "cya",
            "thats all", "that is all", "thats all thanks", "ok bye", "thanks bye", "thank you bye", "good night",
            "再见", "拜拜", "回见", "下次见", "谢谢再见"],
        [SmallTalkKind.Help] = ["help", "menu", "start", "帮助", "菜单"],
    });

    /// <summary>The kind of <paramref name="normalized"/> (text after <see cref="Matching.TextNormalizer.Normalize"/>).</summary>
    public static SmallTalkKind Read(string normalized) => Phrases.GetValueOrDefault(normalized, SmallTalkKind.None);

    private static Dictionary<string, SmallTalkKind> Build(Dictionary<SmallTalkKind, string[]> lists)
    {
        var phrases = new Dictionary<string, SmallTalkKind>(StringComparer.Ordinal);
        foreach (var (kind, list) in lists)
        {
            foreach (var phrase in list)
            {
                phrases[Matching.TextNormalizer.Normalize(phrase)] = kind;
            }
        }

        return phrases;
    }
}
