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
}

/// <summary>
/// The control words of a running dialog, in English and Chinese. They count only as the whole message (after
/// <see cref="TextNormalizer.Normalize"/>), so "stop using my VPN?" is an answer or a question, not "stop".
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
    });

    /// <summary>The command <paramref name="text"/> is, or <see cref="DialogCommand.None"/>.</summary>
    public static DialogCommand Read(string? text) =>
        Words.GetValueOrDefault(TextNormalizer.Normalize(text), DialogCommand.None);

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
