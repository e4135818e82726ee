using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>Reduces a Bot Framework message activity to a channel-neutral <see cref="TurnInput"/>.</summary>
public static class ActivityInput
{
    // Content types a channel attaches itself (Teams copies the message as text/html); they are not user files.
    private static readonly HashSet<string> ChannelCopies = new(StringComparer.OrdinalIgnoreCase) { "text/html", "text/plain" };

    /// <summary>
    /// Text (with the bot's own mention removed), button value (flat string pairs; other shapes ignored),
    /// number of real attachments and locale.
    /// </summary>
    public static TurnInput From(IMessageActivity activity)
    {
        var text = activity.Text;
        if (!string.IsNullOrEmpty(text) && activity is Activity concrete && activity.Recipient is not null)
        {
            text = concrete.RemoveRecipientMention() ?? text;
        }

        var attachments = activity.Attachments?.Count(a => a?.ContentType is null || !ChannelCopies.Contains(a.ContentType)) ?? 0;
        return new TurnInput(text, ReadValue(activity.Value), attachments, activity.Locale);
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
