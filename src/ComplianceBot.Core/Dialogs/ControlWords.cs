using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Dialogs;

/// <summary>What a control word typed as the whole message asks a running dialog to do.</summary>
public enum DialogCommand
{
    /// <summary>Not a control word: the message is an answer (or a question).</summary>
    None,

    /// <summary><c>cancel</c>, <c>stop</c>, 取消: end the check.</summary>
    Cancel,

    /// <summary><c>back</c>, 返回: ask the previous question again.</summary>
    Back,

    /// <summary><c>restart</c>, <c>start over</c>, 重新开始: forget the answers and start again.</summary>
    Restart,

    /// <summary><c>why</c>, <c>help</c>, 为什么: explain why the current question matters, then ask it again.</summary>
    Why,

    /// <summary><c>change an answer</c>, 修改答案: pick one answer to change and get a new verdict.</summary>
    Change,

    /// <summary>
    /// <c>talk to the compliance team</c>, 联系合规团队: hand the question over to people (the bot offers this after
    /// repeated unreadable answers); works inside and outside a dialog.
    /// </summary>
    Handoff,
}

/// <summary>
/// The control words of a running dialog, in English and Chinese. They count only as the whole message (after
/// <see cref="TextNormalizer.Normalize"/>, and ignoring a polite lead-in or tail such as "please", "I want to",
/// "我想"), so "stop using my VPN?" is an answer or a question, not "stop".
/// </summary>
public static class ControlWords
{
    private static readonly Dictionary<string, DialogCommand> Words = Build(new()
    {
        [DialogCommand.Cancel] = ["cancel", "stop", "quit", "abort", "cancel the check", "stop the check", "cancel this",
            "never mind", "nevermind", "forget it", "取消", "停止", "退出", "算了", "不做了", "取消检查"],
        [DialogCommand.Back] = ["back", "go back", "previous", "previous question", "undo", "返回", "上一步", "上一题", "回到上一步", "后退"],
        [DialogCommand.Restart] = ["restart", "start over", "start again", "begin again", "reset", "重新开始", "重来", "重新来", "从头开始"],
        [DialogCommand.Why] = ["why", "help", "why do you ask", "why do you need this", "why does this matter", "why does it matter",
            "why is that", "why this question", "what does this mean", "为什么", "为啥", "帮助", "为何", "为什么问这个", "这是什么意思"],
        [DialogCommand.Change] = ["change an answer", "change answer", "change my answer", "change answers", "change a fact",
            "修改答案", "更改答案", "改答案", "修改回答"],
        [DialogCommand.Handoff] = ["talk to the compliance team", "talk to compliance", "talk to the compliance department",
            "talk to someone in compliance", "speak to the compliance team", "speak to compliance", "speak to someone in compliance",
            "contact the compliance team", "contact compliance", "contact the compliance department", "ask the compliance team",
            "ask compliance", "reach the compliance team", "get in touch with compliance", "get in touch with the compliance team",
            "escalate to compliance", "escalate to the compliance team", "compliance team", "the compliance team",
            "talk to a human", "talk to a person", "speak to a human", "speak to a person", "human please",
            "联系合规团队", "联系合规", "联系合规部门", "找合规团队", "找合规", "找合规部门", "咨询合规团队", "合规团队", "转人工", "人工服务", "找人工"],
    });

    // A polite lead-in or tail around a control word: "please cancel", "i want to talk to the compliance team", "stop please".
    private static readonly string[] LeadIns =
        ["please", "ok", "okay", "i want to", "i would like to", "id like to", "i need to", "can i", "could i", "let me", "lets", "我想", "我要", "请"];

    private static readonly string[] Tails = ["please", "now", "thanks", "thank you", "吧"];

    /// <summary>The command <paramref name="text"/> is, or <see cref="DialogCommand.None"/>.</summary>
    public static DialogCommand Read(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (Words.TryGetValue(normalized, out var command))
        {
            return command;
        }

        var core = Trim(normalized);
        return core.Length > 0 && core != normalized ? Words.GetValueOrDefault(core, DialogCommand.None) : DialogCommand.None;
    }

    private static string Trim(string normalized)
    {
        foreach (var lead in LeadIns)
        {
            if (normalized.StartsWith(lead, StringComparison.Ordinal) && normalized.Length > lead.Length
                && (normalized[lead.Length] == ' ' || !char.IsAsciiLetter(lead[0])))
            {
                normalized = normalized[lead.Length..].TrimStart();
                break;
            }
        }

        foreach (var tail in Tails)
        {
            if (normalized.EndsWith(tail, StringComparison.Ordinal) && normalized.Length > tail.Length
                && (normalized[^(tail.Length + 1)] == ' ' || !char.IsAsciiLetter(tail[0])))
            {
                normalized = normalized[..^tail.Length].TrimEnd();
                break;
            }
        }

        return normalized;
    }

    private static Dictionary<string, DialogCommand> Build(Dictionary<DialogCommand, string[]> lists)
    {
        var words = new Dictionary<string, DialogCommand>(StringComparer.Ordinal);
        foreach (var (command, list) in lists)
        {
            foreach (var word in list)
            {
                words[TextNormalizer.Normalize(word)] = command;
            }
        }

        return words;
    }
}
