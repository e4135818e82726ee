using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Slack;

/// <summary>What to do with one Slack delivery: answer <see cref="Turn"/>, or nothing because of <see cref="IgnoredBecause"/>.</summary>
/// <param name="Turn">The turn to answer; null when ignored.</param>
/// <param name="IgnoredBecause">Why nothing is answered (for the log); null when there is a turn.</param>
public sealed record SlackDecision(SlackTurn? Turn, string? IgnoredBecause)
{
    /// <summary>A decision to answer <paramref name="turn"/>.</summary>
    public static SlackDecision Answer(SlackTurn turn) => new(turn, null);

    /// <summary>A decision to answer nothing.</summary>
    public static SlackDecision Ignore(string reason) => new(null, reason);
}

/// <summary>
/// Decides, synchronously and before the HTTP acknowledgement, whether a Slack Events API <c>event_callback</c> or an
/// interactivity payload is a user action the bot answers. Ignored without error: retries of an event already taken,
/// events other than <c>message</c>/<c>app_mention</c> (reactions, joins, …), messages from bots (<c>bot_id</c>,
/// <c>subtype: bot_message</c>, the bot's own user), edits, deletions and other subtypes (only plain messages,
/// <c>file_share</c> and <c>thread_broadcast</c> count), channel messages that do not mention the bot (the
/// <c>app_mention</c> event covers those), and the second event for one post (<c>app_mention</c> + <c>message</c>).
/// </summary>
public sealed class SlackEventTriage
{
    private static readonly HashSet<string> AnsweredSubtypes = new(StringComparer.Ordinal) { "file_share", "thread_broadcast" };

    private readonly SlackDeliveryLog _log;
    private readonly SlackOptions _options;

    /// <summary>Creates the triage over the delivery log (for de-duplication) and the Slack settings.</summary>
    public SlackEventTriage(SlackDeliveryLog log, IOptions<SlackOptions> options)
    {
        _log = log;
        _options = options.Value;
    }

    /// <summary>Decides about an <c>event_callback</c> payload.</summary>
    /// <exception cref="FormatException">The payload lacks <c>event_id</c> or an <c>event</c> object.</exception>
    public async Task<SlackDecision> DecideAsync(JsonElement payload, int? retryNumber, CancellationToken cancellationToken)
    {
        var eventId = String(payload, "event_id") ?? throw new FormatException("An event_callback must have a string 'event_id'.");
        if (!payload.TryGetProperty("event", out var evt) || evt.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("An event_callback must have an 'event' object.");
        }

        if (!await _log.TryTakeEventAsync(eventId, cancellationToken))
        {
            return SlackDecision.Ignore($"event {eventId} was already taken (retry {retryNumber?.ToString() ?? "none"})");
        }

        try
        {
            return await DecideTakenAsync(payload, evt, cancellationToken);
        }
        catch
        {
            // Taken but not handled: forget the event so Slack's retry is not dropped.
            await _log.ReleaseEventAsync(eventId);
            throw;
        }
    }

    private async Task<SlackDecision> DecideTakenAsync(JsonElement payload, JsonElement evt, CancellationToken cancellationToken)
    {
        var type = String(evt, "type");
        if (type is not ("message" or "app_mention"))
        {
            return SlackDecision.Ignore($"event type '{type}' is not a message");
        }

        var subtype = String(evt, "subtype");
        if (evt.TryGetProperty("bot_id", out _) || subtype == "bot_message")
        {
            return SlackDecision.Ignore("the message is from a bot");
        }

        if (subtype is not null && !AnsweredSubtypes.Contains(subtype))
        {
            return SlackDecision.Ignore($"message subtype '{subtype}' is not a new user message");
        }

        var botUserId = BotUserId(payload);
        var user = String(evt, "user");
        var channel = String(evt, "channel");
        var ts = String(evt, "ts");
        if (user is null || channel is null || ts is null)
        {
            return SlackDecision.Ignore("the message has no user, channel or ts");
        }

        if (user == botUserId)
        {
            return SlackDecision.Ignore("the message is the bot's own");
        }

        var rawText = String(evt, "text") ?? string.Empty;
        var isDirect = String(evt, "channel_type") == "im" || channel.StartsWith('D');
        if (type == "message" && !isDirect && (botUserId is null || !rawText.Contains($"<@{botUserId}", StringComparison.Ordinal)))
        {
            return SlackDecision.Ignore("a channel message that does not mention the bot");
        }

        if (!await _log.TryTakeMessageAsync(channel, ts, cancellationToken))
        {
            return SlackDecision.Ignore($"message {channel}/{ts} was already taken by another event for the same post");
        }

        var threadTs = String(evt, "thread_ts");
        var files = evt.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        return SlackDecision.Answer(new SlackTurn(
            String(payload, "team_id") ?? String(evt, "team") ?? string.Empty,
            channel,
            isDirect,
            isDirect ? threadTs : threadTs ?? ts,
            user,
            SlackMarkup.ToPlainText(rawText, botUserId),
            null,
            files,
            botUserId,
            ts));
    }

    /// <summary>
    /// Decides about an interactivity payload: a <c>block_actions</c> click on one of the bot's buttons becomes a
    /// turn carrying the button's value, answered in the thread of the message that held the button, once (a click
    /// delivered again, to this instance or another, is ignored); anything else (other payload types, buttons without
    /// JSON values) is ignored.
    /// </summary>
    /// <exception cref="FormatException">The payload has no <c>type</c>.</exception>
    public async Task<SlackDecision> DecideInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var type = String(payload, "type") ?? throw new FormatException("An interaction payload must have a string 'type'.");
        if (type != "block_actions")
        {
            return SlackDecision.Ignore($"interaction type '{type}' is not used by this bot");
        }

        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return SlackDecision.Ignore("block_actions without actions");
        }

        var action = actions[0];
        var value = ReadButtonValue(String(action, "value"));
        var user = payload.TryGetProperty("user", out var u) ? String(u, "id") : null;
        var channel = payload.TryGetProperty("channel", out var c) ? String(c, "id") : null;
        var message = payload.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var messageTs = message.ValueKind == JsonValueKind.Object ? String(message, "ts") : null;
        if (value is null || user is null || channel is null || messageTs is null)
        {
            return SlackDecision.Ignore("a click without a bot button value, user, channel or message");
        }

        // A click is taken once: by its action_ts, else its trigger_id, else the whole payload (a replay within the
        // signature window repeats all three).
        var clickId = String(action, "action_ts") ?? String(payload, "trigger_id")
                      ?? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(payload.GetRawText())));
        if (!await _log.TryTakeInteractionAsync(channel, user, clickId, cancellationToken))
        {
            return SlackDecision.Ignore($"the click {clickId} was already taken");
        }

        var isDirect = channel.StartsWith('D');
        var threadTs = String(message, "thread_ts");
        var label = action.TryGetProperty("text", out var text) ? String(text, "text") : null;
        var answered = value.ContainsKey("slot") ? AnsweredPrompt(message, String(action, "block_id"), user, label ?? string.Empty) : null;
        return SlackDecision.Answer(new SlackTurn(
            payload.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object ? String(team, "id") ?? string.Empty : string.Empty,
            channel,
            isDirect,
            isDirect ? threadTs : threadTs ?? messageTs,
            user,
            label ?? string.Empty,
            value,
            0,
            _options.BotUserId.Length > 0 ? _options.BotUserId : null,
            messageTs,
            answered));
    }

    /// <summary>The prompt's text and blocks, the clicked actions block replaced by "✓ @user chose *label*"; null when the message has no such block.</summary>
    private static System.Text.Json.Nodes.JsonObject? AnsweredPrompt(JsonElement message, string? blockId, string user, string label)
    {
        if (blockId is null || !message.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var result = new System.Text.Json.Nodes.JsonArray();
        var replaced = false;
        foreach (var block in blocks.EnumerateArray())
        {
            if (String(block, "type") == "actions" && String(block, "block_id") == blockId)
            {
                replaced = true;
                result.Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                    {
                        ["type"] = "mrkdwn",
                        ["text"] = $"✓ <@{user}> chose *{Mrkdwn.Escape(label)}*",
                    }),
                });
            }
            else
            {
                result.Add(System.Text.Json.Nodes.JsonNode.Parse(block.GetRawText()));
            }
        }

        return replaced ? new System.Text.Json.Nodes.JsonObject { ["text"] = String(message, "text") ?? label, ["blocks"] = result } : null;
    }

    private string? BotUserId(JsonElement payload)
    {
        if (_options.BotUserId.Length > 0)
        {
            return _options.BotUserId;
        }

        if (payload.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array)
        {
            foreach (var authorization in authorizations.EnumerateArray())
            {
                if (authorization.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
                {
                    return String(authorization, "user_id");
                }
            }
        }

        return null;
    }

    private static IReadOnlyDictionary<string, string>? ReadButtonValue(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) is { Count: > 0 } pairs ? pairs : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
