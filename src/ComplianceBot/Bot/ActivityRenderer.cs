using System.Runtime.CompilerServices;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>
/// Renders a channel-neutral <see cref="BotReply"/> as a Bot Framework message activity: Markdown text with a
/// "Sources" line and small-print footer, buttons as suggested actions (<c>messageBack</c> carrying the button's
/// value), and the machine-readable <c>value</c> object (<c>docs/reply-format.md</c>, "Machine-readable replies").
/// </summary>
public static class ActivityRenderer
{
    /// <summary>The Markdown text of <paramref name="reply"/>: body, then "Sources" (出处 in replies whose <see cref="BotReply.Language"/> is Chinese), then the footer in italics.</summary>
    /// <remarks>Written into a pooled buffer: the returned string is the only allocation (replies run to kilobytes).</remarks>
    public static string ToMarkdown(BotReply reply)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0);
        text.AppendFormatted(reply.Text.AsSpan().Trim());
        if (reply.Sources.Count > 0)
        {
            text.AppendLiteral("\n\n**");
            text.AppendLiteral(Rendering.ReplyWords.For(reply.Language).Sources);
            text.AppendLiteral(":** ");
            for (var i = 0; i < reply.Sources.Count; i++)
            {
                if (i > 0)
                {
                    text.AppendLiteral("; ");
                }

                text.AppendLiteral(reply.Sources[i].Text);
            }
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            text.AppendLiteral("\n\n_");
            text.AppendFormatted(reply.Footer.AsSpan().Trim());
            text.AppendLiteral("_");
        }

        return text.ToStringAndClear();
    }

    /// <summary>Builds the message activity for <paramref name="reply"/>.</summary>
    public static Activity ToActivity(BotReply reply)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = ToMarkdown(reply) };
        activity.TextFormat = TextFormatTypes.Markdown;
        if (reply.Actions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = reply.Actions.Select(ToCardAction).ToList(),
            };
        }

        if (reply.Value is not null)
        {
            activity.Value = JsonBridge.ToJObject(reply.Value.ToJson());
        }

        return activity;
    }

    /// <summary>A button as a <c>messageBack</c> card action: clicking it posts its title as text and its value as data.</summary>
    public static CardAction ToCardAction(ReplyAction action) => new()
    {
        Type = ActionTypes.MessageBack,
        Title = action.Title,
        Text = action.Title,
        DisplayText = action.Title,
        Value = ValueObject(action.Value),
    };

    // The button's data as a JSON object of strings: what JObject.FromObject makes of the dictionary, without reflection.
    private static JObject ValueObject(IReadOnlyDictionary<string, string> value)
    {
        var json = new JObject();
        foreach (var (key, text) in value)
        {
            json.Add(key, text is null ? JValue.CreateNull() : new JValue(text));
        }

        return json;
    }
}
