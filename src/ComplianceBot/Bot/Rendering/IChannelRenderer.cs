using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Bot.Rendering;

/// <summary>Renders a channel-neutral <see cref="BotReply"/> as the message activities one channel shows well.</summary>
public interface IChannelRenderer
{
    /// <summary>
    /// The activities for <paramref name="reply"/>, in sending order (usually one; more when the channel's size limit
    /// forces a split). Each carries the reply's machine-readable <c>value</c> (<c>docs/reply-format.md</c>, "Machine-readable replies") when it has one.
    /// </summary>
    IReadOnlyList<Activity> Render(BotReply reply);
}
