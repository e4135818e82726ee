using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Bot.Rendering;

/// <summary>
/// For the web chat page (Bot Framework Web Chat, channel <c>webchat</c>): like <see cref="DefaultRenderer"/>
/// (Markdown, buttons as suggested actions, which Web Chat shows above the send box and hides once used), except that
/// a verdict is an Adaptive Card (<see cref="VerdictCard"/>) with its buttons as suggested actions below it.
/// </summary>
public sealed class WebChatRenderer : IChannelRenderer
{
    /// <inheritdoc />
    public IReadOnlyList<Activity> Render(BotReply reply)
    {
        var activity = ActivityRenderer.ToActivity(reply);
        if (reply is { Kind: ReplyKind.Verdict, Verdict: { } verdict })
        {
            activity.Text = null;
            activity.Speak = verdict.Headline;
            activity.Attachments = [VerdictCard.ToAttachment(VerdictCard.Build(reply, includeActions: false, teamsMessageBack: false))];
        }

        return [activity];
    }
}
