using System.Text.RegularExpressions;
using ComplianceBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Web;

/// <summary>
/// The web chat page at <c>/</c> (Microsoft's Bot Framework Web Chat, see <c>wwwroot/</c>) and the small API its
/// Direct Line-compatible shim talks to, so the bot can be tried in a browser with no Azure and no Teams:
/// <list type="bullet">
/// <item><c>POST /api/webchat/conversations</c> with optional <c>{"locale": "zh-CN", "user": {"id": "…"}}</c>: starts a
/// conversation; answers <c>{"conversationId": "…", "activities": [welcome…]}</c>.</item>
/// <item><c>POST /api/webchat/conversations/{id}/activities</c> with a Bot Framework message activity (<c>text</c>
/// and/or <c>value</c>): runs the turn; answers <c>{"id": "…", "timestamp": "…", "activities": [replies…]}</c> (the id and
/// time the message was received, then the bot's replies).</item>
/// </list>
/// The API is unauthenticated and so answers callers on this machine only unless
/// <see cref="HostingOptions.AllowRemoteWithoutAuthentication"/> is set. Malformed requests get 400 with a reason.
/// </summary>
public static partial class WebChatEndpoints
{
    /// <summary>The route that starts a conversation.</summary>
    public const string ConversationsRoute = "/api/webchat/conversations";

    /// <summary>Longest accepted message text, in characters.</summary>
    public const int MaxTextLength = 4000;

    private static readonly JsonSerializerSettings Serializer = new() { NullValueHandling = NullValueHandling.Ignore };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SafeId();

    /// <summary>Serves the page and maps the API when <see cref="WebChatOptions.Enabled"/>.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled)
        {
            return app;
        }

        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.MapPost(ConversationsRoute, StartAsync);
        app.MapPost(ConversationsRoute + "/{conversationId}/activities", PostActivityAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext context, LocalAccess access, WebChatAdapter adapter, IBot bot)
    {
        if (!access.Allows(context))
        {
            return LocalAccess.Refusal("The web chat");
        }

        var (request, problem) = await ReadObjectAsync(context, allowEmpty: true);
        if (problem is not null)
        {
            return problem;
        }

        var user = User(request?["user"]?["id"]);
        var conversationId = Guid.NewGuid().ToString("N");
        var update = NewActivity(ActivityTypes.ConversationUpdate, conversationId, user, (string?)request?["locale"]);
        update.MembersAdded = [WebChatAdapter.BotAccount, user];
        var replies = await adapter.ProcessAsync(update, bot, context.RequestAborted);
        return Json(new JObject { ["conversationId"] = conversationId, ["activities"] = JArray.FromObject(replies, JsonSerializer.Create(Serializer)) });
    }

    private static async Task<IResult> PostActivityAsync(HttpContext context, string conversationId, LocalAccess access, WebChatAdapter adapter, IBot bot)
    {
        if (!access.Allows(context))
        {
            return LocalAccess.Refusal("The web chat");
        }

        if (!SafeId().IsMatch(conversationId))
        {
            return Problem("The conversation id must be 1-100 letters, digits, '-' or '_'.");
        }

        var (body, problem) = await ReadObjectAsync(context, allowEmpty: false);
        if (problem is not null)
        {
            return problem;
        }

        if ((string?)body!["type"] is not { } type)
        {
            return Problem("The activity needs a string 'type'.");
        }

        if (body["text"] is { } text && text.Type is not (JTokenType.String or JTokenType.Null))
        {
            return Problem("'text' must be a string.");
        }

        if (((string?)body["text"])?.Length > MaxTextLength)
        {
            return Problem($"'text' is longer than {MaxTextLength} characters.");
        }

        var id = Guid.NewGuid().ToString("N");
        if (type != ActivityTypes.Message)
        {
            return Json(new JObject { ["id"] = id, ["activities"] = new JArray() }); // typing, events: nothing to answer
        }

        var message = NewActivity(ActivityTypes.Message, conversationId, User(body["from"]?["id"]), (string?)body["locale"]);
        message.Id = id;
        message.Text = (string?)body["text"];
        message.Value = body["value"] is JObject or JValue { Type: JTokenType.String } ? body["value"] : null;
        message.Attachments = (body["attachments"] as JArray)?.OfType<JObject>()
            .Select(a => new Attachment { ContentType = (string?)a["contentType"], Name = (string?)a["name"] })
            .ToList();
        var replies = await adapter.ProcessAsync(message, bot, context.RequestAborted);
        return Json(new JObject
        {
            ["id"] = id,
            ["timestamp"] = message.Timestamp!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["activities"] = JArray.FromObject(replies, JsonSerializer.Create(Serializer)),
        });
    }

    private static ChannelAccount User(JToken? id)
    {
        var value = id?.Type == JTokenType.String ? (string?)id : null;
        return new ChannelAccount(value is not null && SafeId().IsMatch(value) ? value : "webchat-user", "You", RoleTypes.User);
    }

    private static Activity NewActivity(string type, string conversationId, ChannelAccount user, string? locale) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = WebChatAdapter.ChannelId,
        ServiceUrl = "urn:webchat",
        Timestamp = DateTimeOffset.UtcNow,
        Conversation = new ConversationAccount(id: conversationId),
        From = user,
        Recipient = WebChatAdapter.BotAccount,
        Locale = locale is { Length: <= 20 } ? locale : null,
    };

    private static async Task<(JObject? Body, IResult? Problem)> ReadObjectAsync(HttpContext context, bool allowEmpty)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return allowEmpty ? (null, null) : (null, Problem("The body is empty; expected a JSON activity."));
        }

        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(json) is JObject body ? (body, null) : (null, Problem("The body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return (null, Problem("The body is not valid JSON: " + ex.Message));
        }
    }

    private static IResult Json(JObject body) => Results.Text(body.ToString(Formatting.None), "application/json");

    private static IResult Problem(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
}
