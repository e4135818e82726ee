using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>Reduces a Bot Framework message activity to a channel-neutral <see cref="TurnInput"/>.</summary>
public static class ActivityInput
{
    // Content types a channel attaches itself (Teams copies the message as text/html); they are not user files.
    private static readonly HashSet<string> ChannelCopies = new(StringComparer.OrdinalIgnoreCase) { "text/html", "text/plain" };

    /// <summary>
    /// Text (with the bot's own mention removed and, for Teams, HTML entities decoded; see <see cref="MentionText"/>),
    /// button value (flat string pairs; other shapes ignored), number of real attachments (the <c>text/html</c> copy
    /// Teams adds is not one) and locale; <see cref="TurnInput.TypedText"/> keeps other people's mentions as markup.
    /// </summary>
    public static TurnInput From(IMessageActivity activity)
    {
        var teams = string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase);
        var text = MentionText.Clean(activity.Text, activity.Entities, activity.Recipient, decodeHtml: teams);
        var typed = MentionText.Clean(activity.Text, activity.Entities, activity.Recipient, decodeHtml: teams, keepOtherMentions: true);

        var attachments = activity.Attachments?.Count(a => a?.ContentType is null || !ChannelCopies.Contains(a.ContentType)) ?? 0;
        if (teams && EmojiText.InHtmlCopy(activity.Attachments) is { } emoji)
        {
            // An emoji-only Teams message: the emoji is drawn as an image (an image/* attachment) and named in the
            // text/html copy's alt text; it is what the person typed, not an uploaded file.
            text = string.IsNullOrWhiteSpace(text) ? emoji : text;
            typed = string.IsNullOrWhiteSpace(typed) ? emoji : typed;
            attachments -= activity.Attachments!.Count(a => a?.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true);
        }

        return new TurnInput(text, ReadValue(activity.Value), Math.Max(0, attachments), activity.Locale)
        {
            TypedText = typed == text ? null : typed,
        };
    }

    /// <summary>Reads a button value posted back as a JSON object (or a JSON string holding one) into string pairs.</summary>
    public static IReadOnlyDictionary<string, string>? ReadValue(object? value)
    {
        JObject? json = value switch
        {
            JObject o => o,
            string s when s.TrimStart().StartsWith('{') => TryParse(s),
            null => null,
            _ => TryFrom(value),
        };
        if (json is null)
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.Properties())
        {
            if (property.Value.Type is JTokenType.String or JTokenType.Integer or JTokenType.Boolean or JTokenType.Float)
            {
                pairs[property.Name] = property.Value.ToString();
            }
        }

        // Teams' messageBack submit from an Adaptive Card may carry the button's data only in msteams.value.
        if (pairs.Count == 0 && json["msteams"]?["value"] is { } inner && inner.Type is JTokenType.String or JTokenType.Object)
        {
            return ReadValue(inner.Type == JTokenType.String ? (object?)(string?)inner : inner);
        }

        return pairs.Count > 0 ? pairs : null;
    }

    private static JObject? TryParse(string s)
    {
        try
        {
            return JObject.Parse(s);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static JObject? TryFrom(object value)
    {
        try
        {
            return JToken.FromObject(value) as JObject;
        }
        catch (Exception ex) when (ex is ArgumentException or Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
