using ComplianceBot.Bot.Rendering;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot.Teams;

/// <summary>
/// Renders replies the way Microsoft Teams shows them well. Teams does not show suggested actions in channels and
/// group chats, so buttons go on cards: answers, prompts and clarifications are Teams Markdown text followed by a
/// hero card of <c>messageBack</c> buttons (the click appears in the chat as the user's message and posts the
/// button's value); a verdict is an Adaptive Card (<see cref="VerdictCard"/>) whose buttons are <c>Action.Submit</c>
/// with <c>msteams.messageBack</c>. Text longer than <see cref="MaxTextBytes"/> is split over several messages to
/// stay under Teams' message size limit (about 28 KB per activity, cards included); the buttons go on the last.
/// </summary>
public sealed class TeamsRenderer : IChannelRenderer
{
    /// <summary>The channel id Teams uses.</summary>
    public const string ChannelId = "msteams";

    /// <summary>Buttons per hero card; more go on further cards. Teams shows at most six actions on a card.</summary>
    public const int MaxButtonsPerCard = 6;

    /// <summary>Default text budget per message in UTF-8 bytes, leaving room for cards and the activity envelope.</summary>
    public const int DefaultMaxTextBytes = 20_000;

    /// <summary>Creates the renderer.</summary>
    /// <param name="maxTextBytes">Largest text per message in UTF-8 bytes; default <see cref="DefaultMaxTextBytes"/>.</param>
    public TeamsRenderer(int maxTextBytes = DefaultMaxTextBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextBytes, 16);
        MaxTextBytes = maxTextBytes;
    }

    /// <summary>Largest text per message, in UTF-8 bytes.</summary>
    public int MaxTextBytes { get; }

    /// <inheritdoc />
    public IReadOnlyList<Activity> Render(BotReply reply)
    {
        var value = reply.Value is null ? null : JsonBridge.ToJObject(reply.Value.ToJson());
        if (reply is { Kind: ReplyKind.Verdict, Verdict: { } verdict })
        {
            return
            [
                new Activity
                {
                    Type = ActivityTypes.Message,
                    Summary = $"{VerdictStyle.Label(verdict.Verdict, reply.Language)}: {verdict.Headline}",
                    Attachments = [VerdictCard.ToAttachment(VerdictCard.Build(reply, includeActions: true, teamsMessageBack: true))],
                    Value = value,
                },
            ];
        }

        var parts = MessageSplitter.Split(ActivityRenderer.ToMarkdown(reply), MaxTextBytes);
        var activities = parts.Select(part => new Activity
        {
            Type = ActivityTypes.Message,
            Text = part,
            TextFormat = TextFormatTypes.Markdown,
            Value = value?.DeepClone(),
        }).ToList();

        if (reply.Actions.Count > 0)
        {
            activities[^1].AttachmentLayout = AttachmentLayoutTypes.List;
            activities[^1].Attachments = reply.Actions.Chunk(MaxButtonsPerCard).Select(ButtonCard).ToList();
        }

        return activities;
    }

    private static Attachment ButtonCard(ReplyAction[] actions) => new HeroCard
    {
        Buttons = actions.Select(ActivityRenderer.ToCardAction).ToList(),
    }.ToAttachment();
}
