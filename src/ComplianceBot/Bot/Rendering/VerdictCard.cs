using System.Text.Json.Nodes;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot.Rendering;

/// <summary>
/// Builds a verdict as an Adaptive Card (schema 1.5, which Teams and Web Chat render), written as plain JSON: the
/// dialog's title, the verdict with its symbol and colour, the facts it relied on as a fact set, the reason, the
/// numbered next steps, the sources and the small print. The AdaptiveCards library is deliberately not used.
/// </summary>
public static class VerdictCard
{
    /// <summary>The attachment content type of Adaptive Cards.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The Adaptive Card schema version the cards declare.</summary>
    public const string SchemaVersion = "1.5";

    /// <summary>
    /// The card for a <see cref="ReplyKind.Verdict"/> reply. Its <see cref="BotReply.Actions"/> become
    /// <c>Action.Submit</c> buttons whose <c>data</c> is the button's value; with <paramref name="teamsMessageBack"/>
    /// each also asks Teams to show the button title in the chat as the user's message (<c>msteams.messageBack</c>).
    /// </summary>
    /// <param name="reply">The reply; must have <see cref="BotReply.Verdict"/>.</param>
    /// <param name="includeActions">False to leave the buttons out (the caller shows them another way).</param>
    /// <param name="teamsMessageBack">True for Teams.</param>
    /// <exception cref="ArgumentException"><paramref name="reply"/> has no verdict details.</exception>
    public static JsonObject Build(BotReply reply, bool includeActions, bool teamsMessageBack)
    {
        var verdict = reply.Verdict ?? throw new ArgumentException("The reply has no verdict details.", nameof(reply));
        var words = ReplyWords.For(reply.Language);
        var style = VerdictStyle.For(verdict.Verdict);

        var body = new JsonArray
        {
            Text(verdict.DialogTitle, size: "Medium", weight: "Bolder", style: "heading"),
            new JsonObject
            {
                ["type"] = "Container",
                ["style"] = style.ContainerStyle,
                ["items"] = new JsonArray(
                    Text($"{style.Symbol} {VerdictStyle.Label(verdict.Verdict, reply.Language)}", size: "Medium", weight: "Bolder", color: style.Color),
                    Text(verdict.Headline, spacing: "Small")),
            },
        };

        if (verdict.Facts.Count > 0)
        {
            body.Add(Text(words.BasedOn, weight: "Bolder"));
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(verdict.Facts
                    .Select(f => (JsonNode?)new JsonObject { ["title"] = f.Label, ["value"] = f.ValueLabel })
                    .ToArray()),
            });
        }

        if (!string.IsNullOrWhiteSpace(verdict.Reason))
        {
            body.Add(Text(verdict.Reason));
        }

        if (verdict.NextSteps.Count > 0)
        {
            body.Add(Text(words.NextSteps, weight: "Bolder"));
            // One block with "\r" between items: the numbered-list form Teams documents and Web Chat's renderer reads.
            body.Add(Text(string.Join("\r", verdict.NextSteps.Select((step, i) => $"{i + 1}. {step}")), spacing: "Small"));
        }

        if (reply.Sources.Count > 0)
        {
            body.Add(Text($"{words.Sources}: {string.Join("; ", reply.Sources.Select(s => s.Text))}", size: "Small", subtle: true));
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            body.Add(Text(reply.Footer.Trim(), size: "Small", subtle: true));
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = SchemaVersion,
            ["speak"] = verdict.Headline,
            ["fallbackText"] = ActivityRenderer.ToMarkdown(reply),
            ["body"] = body,
        };

        if (includeActions && reply.Actions.Count > 0)
        {
            card["actions"] = new JsonArray(reply.Actions.Select(a => (JsonNode?)SubmitAction(a, teamsMessageBack)).ToArray());
        }

        return card;
    }

    /// <summary>Wraps <paramref name="card"/> as a Bot Framework attachment.</summary>
    public static Attachment ToAttachment(JsonObject card) =>
        new() { ContentType = ContentType, Content = JsonBridge.ToJObject(card) };

    /// <summary>An <c>Action.Submit</c> posting <paramref name="action"/>'s value (flat string pairs) as the message value.</summary>
    public static JsonObject SubmitAction(ReplyAction action, bool teamsMessageBack)
    {
        var data = new JsonObject();
        foreach (var (key, value) in action.Value)
        {
            data[key] = value;
        }

        if (teamsMessageBack)
        {
            data["msteams"] = new JsonObject
            {
                ["type"] = "messageBack",
                ["displayText"] = action.Title,
                ["text"] = action.Title,
                ["value"] = data.ToJsonString(),
            };
        }

        return new JsonObject { ["type"] = "Action.Submit", ["title"] = action.Title, ["data"] = data };
    }

    private static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool subtle = false,
        string? spacing = null, string? style = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        if (style is not null)
        {
            block["style"] = style;
        }

        return block;
    }
}
