using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceBot.Bot;
using ComplianceBot.Bot.Rendering;
using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Slack;

/// <summary>
/// Renders replies as Slack messages (<c>chat.postMessage</c> bodies without <c>channel</c>/<c>thread_ts</c>):
/// mrkdwn sections, sources and small print as context blocks, buttons as a Block Kit actions block whose button
/// <c>value</c> is the button's data as JSON, a verdict as header + sections with the facts as fields, and the
/// contract <c>value</c> as Slack message metadata (<c>event_type: compliancebot_reply</c>). The message is carried
/// to <see cref="SlackAdapter"/> in the activity's <c>channelData</c>, as the Bot Framework does for Slack.
/// </summary>
public sealed class SlackRenderer : IChannelRenderer
{
    /// <summary>The channel id of Slack conversations.</summary>
    public const string ChannelId = "slack";

    /// <summary>The metadata event type under which the contract value travels with each reply.</summary>
    public const string MetadataEventType = "compliancebot_reply";

    /// <summary>Block Kit limits used here: section text, button label, buttons per actions block, blocks per message.</summary>
    internal const int MaxSectionChars = 3000, MaxButtonChars = 75, MaxButtonsPerBlock = 25, MaxBlocks = 50, MaxContextChars = 2000;

    /// <inheritdoc />
    public IReadOnlyList<Activity> Render(BotReply reply)
    {
        var message = ToMessage(reply);
        return
        [
            new Activity
            {
                Type = ActivityTypes.Message,
                Text = (string?)message["text"],
                ChannelData = JsonBridge.ToJObject(message),
                Value = reply.Value is null ? null : JsonBridge.ToJObject(reply.Value.ToJson()),
            },
        ];
    }

    /// <summary>The Slack message for <paramref name="reply"/>: <c>text</c> (notification fallback), <c>blocks</c>, and <c>metadata</c> when the reply has a value.</summary>
    public static JsonObject ToMessage(BotReply reply)
    {
        var words = ReplyWords.For(reply.Language);
        var blocks = new JsonArray();
        string fallback;
        if (reply is { Kind: ReplyKind.Verdict, Verdict: { } verdict })
        {
            fallback = $"{VerdictStyle.For(verdict.Verdict).Symbol} {VerdictStyle.Label(verdict.Verdict, reply.Language)}: {verdict.Headline}";
            AddVerdict(blocks, verdict, reply, words);
        }
        else
        {
            var text = Mrkdwn.FromMarkdown(reply.Text);
            fallback = text;
            foreach (var part in MessageSplitter.Split(text, MaxSectionChars))
            {
                blocks.Add(Section(part));
            }
        }

        if (reply.Sources.Count > 0)
        {
            blocks.Add(Context($"*{words.Sources}:* " + Mrkdwn.Escape(string.Join("; ", reply.Sources.Select(s => s.Text)))));
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            blocks.Add(Context("_" + Mrkdwn.Escape(reply.Footer.Trim()) + "_"));
        }

        var index = 0;
        var block = 0;
        foreach (var chunk in reply.Actions.Chunk(MaxButtonsPerBlock))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = $"compliancebot-actions-{block++}",
                ["elements"] = new JsonArray(chunk.Select(a => (JsonNode?)Button(a, index++)).ToArray()),
            });
        }

        while (blocks.Count > MaxBlocks)
        {
            blocks.RemoveAt(MaxBlocks - 1 - (reply.Actions.Count > 0 ? 1 : 0));
        }

        var message = new JsonObject
        {
            ["text"] = Truncate(fallback, 3000),
            ["blocks"] = blocks,
        };

        if (reply.Value is not null)
        {
            message["metadata"] = new JsonObject { ["event_type"] = MetadataEventType, ["event_payload"] = reply.Value.ToJson() };
        }

        return message;
    }

    private static void AddVerdict(JsonArray blocks, VerdictDetails verdict, BotReply reply, ReplyWords words)
    {
        blocks.Add(new JsonObject
        {
            ["type"] = "header",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(verdict.DialogTitle, 150), ["emoji"] = true },
        });
        var label = VerdictStyle.Label(verdict.Verdict, reply.Language);
        blocks.Add(Section($"{VerdictStyle.For(verdict.Verdict).Symbol} *{Mrkdwn.Escape(label)}*\n{Mrkdwn.Escape(verdict.Headline)}"));
        foreach (var facts in verdict.Facts.Chunk(10))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(facts
                    .Select(f => (JsonNode?)Text($"*{Mrkdwn.Escape(f.Label)}*\n{Mrkdwn.Escape(f.ValueLabel)}", 2000))
                    .ToArray()),
            });
        }

        if (!string.IsNullOrWhiteSpace(verdict.Reason))
        {
            blocks.Add(Section(Mrkdwn.FromMarkdown(verdict.Reason)));
        }

        if (verdict.NextSteps.Count > 0)
        {
            var steps = verdict.NextSteps.Select((step, i) => $"{i + 1}. {Mrkdwn.FromMarkdown(step)}");
            blocks.Add(Section($"*{words.NextSteps}*\n" + string.Join("\n", steps)));
        }
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Text(mrkdwn, MaxSectionChars) };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Text(mrkdwn, MaxContextChars)),
    };

    private static JsonObject Text(string mrkdwn, int max) => new() { ["type"] = "mrkdwn", ["text"] = Truncate(mrkdwn, max) };

    private static JsonObject Button(ReplyAction action, int index) => new()
    {
        ["type"] = "button",
        ["action_id"] = $"compliancebot-{index}",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(action.Title, MaxButtonChars), ["emoji"] = true },
        ["value"] = JsonSerializer.Serialize(action.Value),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
