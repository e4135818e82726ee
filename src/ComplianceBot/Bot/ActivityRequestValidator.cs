using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>
/// Checks a request body before it reaches the Bot Framework adapter, so a malformed activity gets HTTP 400 with
/// a reason instead of an exception deep in the SDK.
/// </summary>
public static class ActivityRequestValidator
{
    /// <summary>
    /// Returns <see langword="null"/> when <paramref name="body"/> is a usable activity, otherwise what is wrong:
    /// not JSON, not an object, or missing <c>type</c>, <c>channelId</c>, <c>conversation.id</c>, or <c>serviceUrl</c>
    /// (the last is optional when <c>deliveryMode</c> is <c>expectReplies</c>, as replies then go in the response).
    /// </summary>
    public static string? Validate(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "The request body is empty; expected a Bot Framework activity (JSON object).";
        }

        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);
        }
        catch (JsonException ex)
        {
            return $"The request body is not valid JSON: {ex.Message}";
        }

        if (token is not JObject activity)
        {
            return "The request body must be a JSON object (a Bot Framework activity).";
        }

        var missing = new List<string>();
        if (activity["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
        {
            missing.Add("type");
        }

        if (activity["channelId"] is not JValue { Type: JTokenType.String })
        {
            missing.Add("channelId");
        }

        if (activity["conversation"]?["id"] is not JValue { Type: JTokenType.String })
        {
            missing.Add("conversation.id");
        }

        var expectReplies = string.Equals((string?)activity["deliveryMode"], "expectReplies", StringComparison.OrdinalIgnoreCase);
        if (!expectReplies && activity["serviceUrl"] is not JValue { Type: JTokenType.String })
        {
            missing.Add("serviceUrl (or \"deliveryMode\": \"expectReplies\")");
        }

        if (activity["from"] is { } from && from.Type != JTokenType.Object && from.Type != JTokenType.Null)
        {
            return "'from' must be an object like {\"id\": \"user1\"}.";
        }

        if (activity["text"] is { } text && text.Type is not (JTokenType.String or JTokenType.Null))
        {
            return "'text' must be a string.";
        }

        return missing.Count > 0 ? "The activity is missing: " + string.Join(", ", missing) + "." : null;
    }
}
