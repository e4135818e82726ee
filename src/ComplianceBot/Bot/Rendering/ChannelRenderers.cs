using ComplianceBot.Bot.Teams;
using ComplianceBot.Slack;

namespace ComplianceBot.Bot.Rendering;

/// <summary>Chooses the renderer for a channel id.</summary>
public static class ChannelRenderers
{
    private static readonly IChannelRenderer Teams = new TeamsRenderer();
    private static readonly IChannelRenderer Slack = new SlackRenderer();
    private static readonly IChannelRenderer WebChat = new WebChatRenderer();
    private static readonly IChannelRenderer Default = new DefaultRenderer();

    /// <summary>
    /// <c>msteams</c>: <see cref="TeamsRenderer"/>; <c>slack</c>: <see cref="SlackRenderer"/>; <c>webchat</c> (the
    /// chat page): <see cref="WebChatRenderer"/>; anything else (the Emulator, Direct Line clients, the console,
    /// unknown channels): <see cref="DefaultRenderer"/>, whose text is always complete. Comparison ignores case.
    /// </summary>
    public static IChannelRenderer For(string? channelId) => channelId?.ToLowerInvariant() switch
    {
        TeamsRenderer.ChannelId => Teams,
        SlackRenderer.ChannelId => Slack,
        Web.WebChatAdapter.ChannelId => WebChat,
        _ => Default,
    };
}
