using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>The bot's own wording (not compliance content), in English and Chinese.</summary>
internal static class Phrases
{
    public static string Welcome(Language l) => l == Language.Chinese
        ? "你好！我是 ComplianceBot，可以回答关于中国 VPN 和跨境联网规定的问题，并注明法规出处。用你自己的话提问即可，例如“个人用付费VPN合法吗？”或“公司怎么申请跨境专线？”。"
        : "Hi! I'm ComplianceBot. I answer questions about China's rules on VPNs and cross-border networking, with the regulations I rely on. Ask in your own words, e.g. \"Is a paid VPN legal for me in China?\" or \"How does a company apply for a cross-border line?\"";

    public static string Disclaimer(Language l) => l == Language.Chinese
        ? "本回答为一般性指引，不构成法律意见。"
        : "General guidance, not legal advice.";

    public static string AsOf(Language l, DateOnly date) => l == Language.Chinese
        ? $"内容截至 {date:yyyy-MM-dd}"
        : $"As of {date:yyyy-MM-dd}";

    /// <summary>The mark after each unverified source; <see cref="Unverified"/> explains it once per Sources line.</summary>
    public const string UnverifiedMark = "\u2020";

    public static string Unverified(Language l) => l == Language.Chinese
        ? UnverifiedMark + "未核实，请向合规团队确认"
        : UnverifiedMark + " UNVERIFIED: check with the compliance team";

    /// <summary>
    /// An article reference as a reader says it: "Art. 6" / "第6条" for numbers, "item 1" / "第1项" and "Q&amp;A 1" /
    /// "答记者问第1条" for the items and Q&amp;A answers of a notice (ids <c>item-1</c>, <c>qa-1</c>), service codes
    /// such as "A11-4" as they are.
    /// </summary>
    public static string Article(Language l, string number)
    {
        if (char.IsDigit(number[0]))
        {
            return l == Language.Chinese ? $"第{number}条" : $"Art. {number}";
        }

        if (number.StartsWith("item-", StringComparison.Ordinal))
        {
            return l == Language.Chinese ? $"第{number[5..]}项" : $"item {number[5..]}";
        }

        if (number.StartsWith("qa-", StringComparison.Ordinal))
        {
            return l == Language.Chinese ? $"答记者问第{number[3..]}条" : $"Q&A {number[3..]}";
        }

        return number;
    }

    public static string Clarify(Language l) => l == Language.Chinese
        ? "我不确定你问的是哪一个，请选择："
        : "I'm not sure which of these you mean. Pick one:";

    public static string Fallback(Language l) => l == Language.Chinese
        ? "抱歉，这个问题不在我的知识范围内。我只回答中国 VPN 和跨境联网规定方面的问题。你可以换个说法，或者看看这些主题："
        : "Sorry, I can't answer that one. I only know China's rules on VPNs and cross-border networking. Try rephrasing, or pick one of these topics:";

    public static string WhatICover(Language l) => l == Language.Chinese
        ? "我可以回答中国 VPN 和跨境联网规定方面的问题，例如："
        : "What I can help with is China's rules on VPNs and cross-border networking, for example:";

    public static string NoText(Language l) => l == Language.Chinese
        ? "我只能读取文字消息，看不了文件或图片。请把你的问题用文字发给我。"
        : "I can only read text, not files or images. Please type your question.";

    public static string Empty(Language l) => l == Language.Chinese
        ? "请输入你的问题，例如“出差去中国怎么上网？”"
        : "Type a question, e.g. \"How can I stay connected on a trip to China?\"";

    /// <summary>
    /// The line before the answer to a question set outside mainland China, naming the place as typed, capitalised
    /// as a name when typed all in lower case (<see cref="Places.PlaceDisplay.Of"/>).
    /// </summary>
    public static string OutsideMainland(Language l, string place)
    {
        var shown = Places.PlaceDisplay.Of(place);
        return l == Language.Chinese
            ? $"{shown}不在中国大陆。我掌握的是中国大陆的规定，不能据此回答在{shown}的问题："
            : $"{(shown.Length == 0 ? shown : char.ToUpperInvariant(shown[0]) + shown[1..])} is outside mainland China. The rules I know are mainland China's, so I can't answer this by them:";
    }

    public static string Greeting(Language l) => l == Language.Chinese
        ? "你好！"
        : "Hello!";

    public static string Thanks(Language l) => l == Language.Chinese ? "不客气！还有其他问题随时问我。" : "You're welcome! Ask me anything else any time.";

    public static string UnknownTopic(Language l) => l == Language.Chinese
        ? "这个主题已不存在（内容可能已更新）。请直接提问："
        : "That topic is no longer available (the content may have been updated). Ask your question, or pick a topic:";

    public static string Farewell(Language l) => l == Language.Chinese
        ? "再见！关于VPN和跨境联网规定有问题，随时回来问我。"
        : "Goodbye! Come back any time you have a question about VPN or cross-border networking rules.";

    public static string Handoff(Language l) => l == Language.Chinese
        ? "我无法替你转交问题，但合规团队可以直接帮你："
        : "I can't pass your question on myself, but the compliance team can help you directly:";

    public static string NoContact(Language l) => l == Language.Chinese
        ? "请通过公司内部的常用渠道咨询你们的合规团队。"
        : "Ask your compliance team through your company's usual channels.";

    public static string ReachHeading(Language l) => l == Language.Chinese ? "**如何联系合规团队：**" : "**How to reach the compliance team:** ";

    /// <summary>What happens to what the user told the bot: nothing is passed on; the team sees only what they send.</summary>
    public static string Confidentiality(Language l) => l == Language.Chinese
        ? "_我不会把你告诉我的内容转给任何人；合规团队只会看到你自己发给他们的内容。公司可能按其政策保存本次对话的记录。_"
        : "_I don't pass on anything you told me; the compliance team sees only what you send them. Your company may keep a record of this chat under its own policy._";

    public static string NumberWithoutList(Language l) => l == Language.Chinese
        ? "你发的只是一个数字，但现在没有可以选择的列表。请用文字提问，或选择一个主题："
        : "That's just a number, and there is no list to pick from right now. Ask your question in words, or pick a topic:";

    public static string NoSuchOption(Language l, int number, int count) => Dialogs.DialogPhrases.NoSuchOption(l, number, count);

    public static string CheckMySituation(Language l) => l == Language.Chinese ? "检查我的情况" : "Check my situation";
}
