using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ComplianceBot.Bot;

/// <summary>
/// Reads the activity of a request to <c>/api/messages</c> from the body's text, once, for the Bot Framework adapter:
/// a malformed activity gets HTTP 400 with a reason instead of an exception deep in the SDK (500) or the SDK's own
/// 400 with an empty body.
/// </summary>
/// <remarks>
/// The body is read once (by <see cref="Hosting.JsonRequestBody"/>) and tokenised twice: by System.Text.Json for the
/// shape check (the JSON Schema library's input; a fitting body costs one evaluation that stops at the first failure),
/// and by the SDK's own serializer straight into the <see cref="Activity"/> the adapter then processes (the SDK does not
/// read the body again).
/// </remarks>
public static partial class ActivityRequestValidator
{
    /// <summary>
    /// Fields this endpoint needs in every activity: the SDK routes the turn by <c>type</c>, keys conversation state
    /// by <c>channelId</c> and <c>conversation.id</c> (a blank id would put every such caller in one conversation),
    /// and creates its Bot Connector client for <c>serviceUrl</c> even when the replies go back in the response.
    /// </summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["type", "channelId", "conversation.id", "serviceUrl"];

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    [GeneratedRegex(@"\s*Path '[^']*'.*$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    /// <summary>
    /// Returns <see langword="null"/> when <paramref name="body"/> is a usable activity, otherwise what is wrong (see
    /// <see cref="Read"/>).
    /// </summary>
    public static string? Validate(string body) => Read(body).Problem;

    /// <summary>
    /// The activity in <paramref name="body"/>, deserialised as the Bot Framework SDK does it; or what is wrong, in
    /// this order: empty, not JSON, not an object; a standard field of the wrong shape (see
    /// <see cref="JsonShapeValidator.Activity"/>: types of <c>from</c>/<c>recipient</c>/<c>conversation</c> and their
    /// ids, arrays of objects for <c>entities</c>/<c>attachments</c>, ISO 8601 dates, strings, <c>serviceUrl</c> an
    /// absolute http(s) URL, <c>deliveryMode</c> one of the four the Bot Framework defines); a missing or blank
    /// <see cref="RequiredFields">required field</see>; finally anything else the Bot Framework's own serializer
    /// cannot read, reported with its path.
    /// </summary>
    public static (Activity? Activity, string? Problem) Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "The request body is empty; expected a Bot Framework activity (JSON object).");
        }

        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            if (CheckShape(document.RootElement) is { } problem)
            {
                return (null, problem);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (null, $"The request body is not valid JSON: {ex.Message}");
        }

        return ReadAsBotFrameworkDoes(body);
    }

    private static string? CheckShape(JsonElement activity)
    {
        if (activity.ValueKind != JsonValueKind.Object)
        {
            return "The request body must be a JSON object (a Bot Framework activity).";
        }

        // The common, well-formed activity is recognised by a typed check; the schema decides (and words) everything else.
        if (!ActivityFastCheck.Fits(activity) && JsonShapeValidator.Activity.Check(activity) is { Count: > 0 } wrongShapes)
        {
            return string.Join(" ", wrongShapes);
        }

        var missing = RequiredFields.Where(path => !IsNonBlankString(activity, path))
            .Select(path => $"'{path}' is missing or blank; it must be {JsonShapeValidator.Activity.Describe(path)}.")
            .ToList();
        return missing.Count > 0 ? string.Join(" ", missing) : null;
    }

    private static bool IsNonBlankString(JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }

        return element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString());
    }

    // The SDK's serializer with the SDK's reader settings (HttpHelper.ReadRequestAsync): the activity the adapter gets is
    // the one the SDK would have read itself. What the shape check let through but the SDK cannot read (a date it cannot
    // parse, say) is reported here with its path.
    private static (Activity? Activity, string? Problem) ReadAsBotFrameworkDoes(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = null };
            return HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader) is { } activity
                ? (activity, null)
                : (null, "The request body must be a JSON object (a Bot Framework activity).");
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            var path = ex switch
            {
                JsonSerializationException s => s.Path,
                JsonReaderException r => r.Path,
                _ => null,
            };
            return (null, $"The Bot Framework cannot read '{(string.IsNullOrEmpty(path) ? "(the body)" : path)}': {PathSuffix().Replace(ex.Message, string.Empty)}");
        }
    }
}
