using System.Text.RegularExpressions;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Bot;

/// <summary>
/// Checks a request body before it reaches the Bot Framework adapter, so a malformed activity gets HTTP 400 with
/// a reason instead of an exception deep in the SDK (500) or the SDK's own 400 with an empty body.
/// </summary>
public static partial class ActivityRequestValidator
{
    /// <summary>
    /// Fields this endpoint needs in every activity: the SDK routes the turn by <c>type</c>, keys conversation state
    /// by <c>channelId</c> and <c>conversation.id</c> (a blank id would put every such caller in one conversation),
    /// and creates its Bot Connector client for <c>serviceUrl</c> even when the replies go back in the response.
    /// </summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["type", "channelId", "conversation.id", "serviceUrl"];

    [GeneratedRegex(@"\s*Path '[^']*'.*$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    /// <summary>
    /// Returns <see langword="null"/> when <paramref name="body"/> is a usable activity, otherwise what is wrong, in
    /// this order: empty, not JSON, not an object; a standard field of the wrong shape (see
    /// <see cref="JsonShapeValidator.Activity"/>: types of <c>from</c>/<c>recipient</c>/<c>conversation</c> and their
    /// ids, arrays of objects for <c>entities</c>/<c>attachments</c>, ISO 8601 dates, strings, <c>serviceUrl</c> an
    /// absolute http(s) URL, <c>deliveryMode</c> one of the four the Bot Framework defines); a missing or blank
    /// <see cref="RequiredFields">required field</see>; finally anything else the Bot Framework's own serializer
    /// cannot read, reported with its path.
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

        if (JsonShapeValidator.Activity.Check(activity) is { Count: > 0 } wrongShapes)
        {
            return string.Join(" ", wrongShapes);
        }

        var missing = RequiredFields.Where(path => activity.SelectToken(path) is not JValue { Type: JTokenType.String } value
                                                   || string.IsNullOrWhiteSpace((string?)value))
            .Select(path => $"'{path}' is missing or blank; it must be {JsonShapeValidator.Activity.Describe(path)}.")
            .ToList();
        if (missing.Count > 0)
        {
            return string.Join(" ", missing);
        }

        return ReadAsBotFrameworkDoes(body);
    }

    // The adapter deserialises the body again with this serializer and answers a failure with an empty 400: anything
    // the shape check let through but the SDK cannot read (a date it cannot parse, say) is reported here instead.
    private static string? ReadAsBotFrameworkDoes(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = null };
            HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
            return null;
        }
        catch (JsonException ex)
        {
            var path = ex switch
            {
                JsonSerializationException s => s.Path,
                JsonReaderException r => r.Path,
                _ => null,
            };
            return $"The Bot Framework cannot read '{(string.IsNullOrEmpty(path) ? "(the body)" : path)}': {PathSuffix().Replace(ex.Message, string.Empty)}";
        }
    }
}
