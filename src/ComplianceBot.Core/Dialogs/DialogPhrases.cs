using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>The bot's own wording around decision dialogs (not compliance content), in English and Chinese.</summary>
internal static class DialogPhrases
{
    private static string T(Language l, string en, string zh) => l == Language.Chinese ? zh : en;

    public static string Start(Language l, string title, string? intro)
    {
        var ended = title.EndsWith('?') || title.EndsWith('？') || title.EndsWith('。');
        var lead = T(l, $"Let's check your situation: **{title}**", $"我们来检查一下你的情况：**{title}**");
        var separator = ended ? " " : T(l, ". ", "。");
        return string.IsNullOrWhiteSpace(intro) ? lead : lead + separator + intro.Trim();
    }

    public static string Hint(Language l) => T(l,
        "_Answer with a button or in your own words. Type **why** to see why I ask, **back** to go back, or **cancel** to stop._",
        "_点按钮或直接用自己的话回答。输入 **为什么** 了解提问原因，**返回** 回到上一题，**取消** 结束检查。_");

    public static string Understood(Language l) => T(l, "From what you said:", "根据你说的：");

    public static string Noted(Language l) => T(l, "Noted:", "已记下：");

    public static string Resume(Language l, string title) => T(l, $"Back to the check **{title}**:", $"回到检查 **{title}**：");

    public static string NotUnderstood(Language l) => T(l,
        "Sorry, I couldn't match that to one of the options. Pick a button, or type the option or its number:",
        "抱歉，我无法把你的回答对应到选项。请点按钮，或输入选项内容或编号：");

    public static string Ambiguous(Language l, string options) => T(l,
        $"Your answer fits more than one option ({options}). Which one is it?",
        $"你的回答符合多个选项（{options}）。是哪一个？");

    public static string OfferHandoff(Language l) => T(l,
        "This question may not fit your situation. You can also **talk to the compliance team** instead, or **cancel** the check.",
        "这个问题可能不符合你的情况。你也可以改为**联系合规团队**，或**取消**检查。");

    public static string NotKnown(Language l) => T(l,
        "That's fine, but I need this answer to decide. Find out first (the line under the question says how, where there is one), or talk to the compliance team.",
        "没关系，但我需要这个答案才能判断。请先弄清楚（问题下方如有提示，可按提示去问），或联系合规团队。");

    public static string Reopened(Language l, string label) => T(l,
        $"That leaves **{label}** open, so the verdict above can't rely on it. Which is it?",
        $"这样 **{label}** 就不确定了，上面的结论不能以此为依据。是哪一个？");

    public static string Handoff(Language l, string title) => T(l,
        $"Please contact your compliance team about **{title}**, and share what you have told me so far:",
        $"请就 **{title}** 联系你的合规团队，并告知你目前提供的信息：");

    public static string HandoffNothingYet(Language l) => T(l, "(no answers yet)", "（尚无回答）");

    public static string HandoffEnd(Language l) => T(l,
        "I've closed the check. Ask me anything else any time.", "检查已结束。有其他问题随时问我。");

    public static string Cancelled(Language l, string title) => T(l,
        $"OK, I've stopped the check **{title}**. Ask me anything else, or start it again any time.",
        $"好的，已停止检查 **{title}**。你可以继续提问，或随时重新开始检查。");

    public static string BackAtFirst(Language l) => T(l,
        "This is the first question, so there is nothing to go back to.", "这已经是第一个问题，无法再返回。");

    public static string Back(Language l, string label, string value) => T(l,
        $"Going back: you had answered **{label}**: {value}.", $"返回上一步：你之前对 **{label}** 的回答是：{value}。");

    public static string AlreadyInCheck(Language l, string title) => T(l,
        $"You're already in the check **{title}**, so I've kept your answers; say **restart** to start over.",
        $"你已经在进行检查 **{title}**，已保留你的回答；如需从头开始，请输入 **重新开始**。");

    public static string StoppedOther(Language l, string title) => T(l,
        $"I've stopped the unfinished check **{title}** (its answers are not kept).",
        $"已停止未完成的检查 **{title}**（其回答不会保留）。");

    public static string Restarted(Language l, string title) => T(l,
        $"Starting the check **{title}** again from the beginning.", $"重新开始检查 **{title}**。");

    public static string Why(Language l, string why) => T(l, $"**Why I ask:** {why}", $"**为什么问这个：**{why}");

    public static string StillNeeded(Language l) => T(l,
        "I still need an answer to this question.", "我还需要你回答这个问题。");

    public static string TextOnly(Language l) => T(l,
        "I can only read text, not files or images.", "我只能读取文字，看不了文件或图片。");

    public static string StaleButton(Language l) => T(l,
        "That button belongs to a question that is no longer open.", "那个按钮所属的问题已经结束。");

    public static string NotThisQuestion(Language l) => T(l,
        "That button isn't for the question I'm asking now.", "那个按钮不是我现在问的这个问题的。");

    public static string OtherCheckButton(Language l) => T(l,
        "That button belongs to another check, not the one we are doing now.", "那个按钮属于另一个检查，不是我们现在进行的这个。");

    public static string NoSuchOption(Language l, int number, int count) => T(l,
        $"There is no option {number} here, only {count}. Pick one by its button or number (1 to {count}):",
        $"没有第 {number} 项，只有 {count} 项。请点按钮或输入编号（1 到 {count}）：");

    public static string AlreadyAnswered(Language l, string label, string value) => T(l,
        $"You already answered **{label}**: {value}. To change it, type **back** (or use *Change an answer* after the verdict).",
        $"你已经回答过 **{label}**：{value}。如需修改，请输入 **返回**（或在结论后使用“修改答案”）。");

    public static string DialogUpdated(Language l, string title) => T(l,
        $"The check **{title}** was updated since you started it, so I've restarted it.",
        $"检查 **{title}** 在你开始之后已更新，因此已重新开始。");

    public static string DialogRemoved(Language l, string title) => T(l,
        $"The check **{title}** is no longer available (the content was updated), so it has ended. Ask me your question, or pick a topic:",
        $"检查 **{title}** 已不再提供（内容已更新），因此已结束。请直接提问，或选择一个主题：");

    public static string NotAvailable(Language l) => T(l,
        "That check is not available (the content may have been updated). Ask me your question, or pick a topic:",
        "该检查不可用（内容可能已更新）。请直接提问，或选择一个主题：");

    public static string NotAvailableHere(Language l, string title) => T(l,
        $"That check is not available (the content may have been updated), so we carry on with **{title}**:",
        $"该检查不可用（内容可能已更新），我们继续 **{title}**：");

    // The value is echoed only when it looks like a value id: anything else (markup, a long string) is not repeated.
    public static string NotAnOption(Language l, string? choice) => string.IsNullOrWhiteSpace(choice)
        ? T(l, "That button did not say which option it picks.", "这个按钮没有指明选择哪个选项。")
        : choice.Length <= 40 && choice.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? T(l, $"\"{choice}\" is not one of the options for this question.", $"“{choice}”不是这个问题的选项。")
            : T(l, "That choice is not one of the options for this question.", "该选择不是这个问题的选项。");

    public static string NoCheckRunning(Language l, DialogCommand command) => command switch
    {
        DialogCommand.Cancel => T(l, "No check is running, so there is nothing to stop.", "目前没有进行中的检查，无需停止。"),
        DialogCommand.Back => T(l, "No check is running, so there is no earlier question to go back to.", "目前没有进行中的检查，没有可以返回的上一题。"),
        DialogCommand.Why => T(l, "No check is running, so there is no question to explain.", "目前没有进行中的检查，没有需要解释的问题。"),
        _ => T(l, "No check is running, so there is nothing to start over or change.", "目前没有进行中的检查，没有可以重新开始或修改的内容。"),
    } + " " + T(l,
        "To check your own situation, describe it (e.g. \"can I use my VPN in Shanghai\"); or ask a question, or pick a topic:",
        "如需检查你的情况，请直接描述（例如“我在上海能用VPN吗”）；也可以提问，或选择一个主题：");

    public static string CheckFinished(Language l, string title) => T(l,
        $"No check is running: the check **{title}** has finished. Use *Change an answer* to revise it, or *Start over*.",
        $"目前没有进行中的检查：检查 **{title}** 已经结束。可以“修改答案”，或“重新开始”。");

    public static string VerdictReasonLead(Language l, string title, string verdict) => T(l,
        $"**{title}: {verdict}.**", $"**{title}：{verdict}。**");

    public static string NotOpen(Language l) => T(l,
        "That check is no longer open.", "该检查已经结束。");

    public static string ChangeWhich(Language l) => T(l,
        "Which answer do you want to change?", "你想修改哪个回答？");

    public static string ChangePickOne(Language l) => T(l,
        "Pick one of these answers to change (or type **back** to see the verdict again):",
        "请从下面选择要修改的回答（或输入 **返回** 重新查看结论）：");

    public static string Changing(Language l, string label, string value) => T(l,
        $"Changing **{label}** (currently: {value}).", $"修改 **{label}**（当前：{value}）。");

    public static string NoVerdict(Language l) => T(l,
        "I couldn't reach a verdict with these answers. Please ask the compliance team.",
        "根据这些回答无法得出结论。请咨询合规团队。");

    public static string VerdictLabel(Language l, string verdict) => verdict switch
    {
        Verdicts.Permitted => T(l, "Permitted", "允许"),
        Verdicts.Conditional => T(l, "Permitted with conditions", "有条件允许"),
        Verdicts.NotPermitted => T(l, "Not permitted", "不允许"),
        _ => T(l, "Needs review by the compliance team", "需要合规团队审核"),
    };

    public static string Colon(Language l) => T(l, ": ", "：");

    public static string FullStop(Language l) => T(l, ". ", "。");

    public static string BasedOn(Language l) => T(l, "Based on what you told me:", "依据你提供的情况：");

    public static string WhyHeading(Language l) => T(l, "Why:", "原因：");

    /// <summary>The deciding rule as a sentence a person would say ("I came to this because …"); the rule number stays in logs.</summary>
    public static string DecidingRule(Language l, int number, string conditions) => T(l,
        $"I came to this because {conditions}.", $"得出这个结论，是因为{conditions}。");

    public static string OtherwiseRule(Language l) => T(l,
        "none of the situations that lead to another answer applies to you", "其他结论所对应的情况都不适用于你");

    /// <summary>One condition of a rule in words: your answer to "{label}" was "{value}" (or "{other value}").</summary>
    public static string Condition(Language l, string label, IReadOnlyList<string> values) => T(l,
        $"your answer to \"{label}\" was \"{string.Join("\" or \"", values)}\"", $"你对“{label}”的回答是“{string.Join("”或“", values)}”");

    /// <summary>The slot's plain-words pointer shown under its question and with "why".</summary>
    public static string HowToFindOut(Language l, string text) => T(l, $"_Not sure? {text}_", $"_不确定？{text}_");

    public static string And(Language l) => T(l, " and ", "，且");

    public static string Or(Language l) => T(l, "; or ", "；或");

    public static string NextSteps(Language l) => T(l, "Next steps:", "下一步：");

    public static string ChangeAnswerButton(Language l) => T(l, "Change an answer", "修改答案");

    public static string StartOverButton(Language l) => T(l, "Start over", "重新开始");

    public static string HandoffButton(Language l) => T(l, "Talk to the compliance team", "联系合规团队");

    public static string CancelButton(Language l) => T(l, "Cancel the check", "取消检查");

    public static string StartAgainButton(Language l) => T(l, "Start the check again", "重新开始检查");

    public static string AlreadyKnown(Language l) => T(l, "Yes, I have that already:", "这一点我已经记下了：");

    public static string NotSureWhich(Language l) => T(l,
        "If you don't know yet, the line under the question says how to find out. When you know, pick the option that fits:",
        "如果你还不确定，问题下方的说明会告诉你如何确认。确认后，请选择符合的选项：");
}
