using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Bot.Rendering;

/// <summary>
/// For channels without cards (the console, unknown channels): the Markdown text with sources and footer, buttons as
/// suggested actions (see <see cref="ActivityRenderer"/>). A verdict is its complete Markdown text.
/// </summary>
public sealed class DefaultRenderer : IChannelRenderer
{
    /// <inheritdoc />
    public IReadOnlyList<Activity> Render(BotReply reply) => [ActivityRenderer.ToActivity(reply)];
}
