using System.Text.RegularExpressions;
using ComplianceBot.Bot;
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
/// conversation; answers <c>{"conversationId": "…", "token": "…", "activities": [welcome…]}</c>.</item>
/// <item><c>POST /api/webchat/conversations/{id}/activities</c> with a Bot Framework message activity (<c>text</c>
/// and/or <c>value</c>) and <c>Authorization: Bearer &lt;token&gt;</c> (the conversation's token: without it, 403, so
/// nobody else can post into a conversation or see its answers, see <see cref="WebChatTokens"/>): runs the turn; answers <c>{"id": "…", "timestamp": "…", "activities": [replies…]}</c> (the id and
/// time the message was received, then the bot's replies).</item>
/// </list>
/// Each client address may make <see cref="Pipeline.RateLimitOptions.WebChatClient"/> requests per window (429 with
/// <c>Retry-After</c> beyond). The API is unauthenticated and so answers callers on this machine only unless
/// <see cref="HostingOptions.AllowRemoteWithoutAuthentication"/> is set. Like <c>/api/messages</c>: a body that is not
/// JSON gets 415, one over <see cref="InputLimitsOptions.MaxRequestBodyBytes"/> 413, and a malformed one (a field of the
/// wrong shape, see <see cref="JsonShapeValidator"/>) 400, each with <c>{"error": "…"}</c>; a message longer than
/// <see cref="InputLimitsOptions.MaxMessageLength"/> is answered by the bot itself, as in every channel.
/// </summary>
public static partial class WebChatEndpoints
{
    /// <summary>The route that starts a conversation.</summary>
    public const string ConversationsRoute = "/api/webchat/conversations";

    private static readonly JsonSerializerSettings Serializer = new() { NullValueHandling = NullValueHandling.Ignore };

    private static readonly JsonShapeValidator ConversationShape = JsonShapeValidator.FromEmbeddedSchema("webchat-conversation.schema.json");

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

        app.UseRateLimiter();
        app.MapPost(ConversationsRoute, StartAsync).RequireRateLimiting(WebChatRateLimit.PolicyName);
        app.MapPost(ConversationsRoute + "/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(WebChatRateLimit.PolicyName);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext context, LocalAccess access, WebChatAdapter adapter, IBot bot, IOptions<InputLimitsOptions> limits,
        WebChatTokens tokens)
    {
        if (!access.Allows(context))
        {
            return LocalAccess.Refusal("The web chat");
        }

        var (request, problem) = await ReadObjectAsync(context, limits.Value, ConversationShape, allowEmpty: true);
        if (problem is not null)
        {
            return problem;
        }

        var user = User((request?["user"] as JObject)?["id"]);
        var conversationId = Guid.NewGuid().ToString("N");
        var update = NewActivity(ActivityTypes.ConversationUpdate, conversationId, user, (string?)request?["locale"]);
        update.MembersAdded = [WebChatAdapter.BotAccount, user];
        var replies = await adapter.ProcessAsync(update, bot, context.RequestAborted);
        return Json(new JObject { ["conversationId"] = conversationId, ["token"] = tokens.Issue(conversationId), ["activities"] = JArray.FromObject(replies, JsonSerializer.Create(Serializer)) });
    }

    private static async Task<IResult> PostActivityAsync(HttpContext context, string conversationId, LocalAccess access, WebChatAdapter adapter, IBot bot,
        IOptions<InputLimitsOptions> limits, WebChatTokens tokens)
    {
        if (!access.Allows(context))
        {
            return LocalAccess.Refusal("The web chat");
        }

        if (!SafeId().IsMatch(conversationId))
        {
            return Problem("The conversation id must be 1-100 letters, digits, '-' or '_'.");
        }

        var (body, problem) = await ReadObjectAsync(context, limits.Value, JsonShapeValidator.Activity, allowEmpty: false);
        if (problem is not null)
        {
            return problem;
        }

        if ((string?)body!["type"] is not { Length: > 0 } type)
        {
            return Problem("The activity needs 'type', a string naming the activity type, like \"message\".");
        }

        if (!tokens.Accepts(conversationId, context.Request.Headers.Authorization))
        {
            return Results.Json(new { error = "This conversation's token is required: send the 'token' issued when the conversation was started, as Authorization: Bearer <token>." },
                statusCode: StatusCodes.Status403Forbidden);
        }

        var id = Guid.NewGuid().ToString("N");
        if (type != ActivityTypes.Message)
        {
            return Json(new JObject { ["id"] = id, ["activities"] = new JArray() }); // typing, events: nothing to answer
        }

        var message = NewActivity(ActivityTypes.Message, conversationId, User((body["from"] as JObject)?["id"]), (string?)body["locale"]);
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
        ServiceUrl = "urn:webchat", // Timestamp: set by WebChatAdapter when it receives the activity
        Conversation = new ConversationAccount(id: conversationId),
        From = user,
        Recipient = WebChatAdapter.BotAccount,
        Locale = locale is { Length: <= 20 } ? locale : null,
    };

    private static async Task<(JObject? Body, IResult? Problem)> ReadObjectAsync(HttpContext context, InputLimitsOptions limits, JsonShapeValidator shape, bool allowEmpty)
    {
        var (text, refusal) = await JsonRequestBody.ReadAsync(context, limits.MaxRequestBodyBytes);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return allowEmpty ? (null, null) : (null, Problem("The body is empty; expected a JSON activity."));
        }

        JToken token;
        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(json);
        }
        catch (JsonException ex)
        {
            return (null, Problem("The body is not valid JSON: " + ex.Message));
        }

        if (token is not JObject body)
        {
            return (null, Problem("The body must be a JSON object."));
        }

        return shape.Check(body) is { Count: > 0 } wrongShapes ? (null, Problem(string.Join(" ", wrongShapes))) : (body, null);
    }

    private static IResult Json(JObject body) => Results.Text(body.ToString(Formatting.None), "application/json");

    private static IResult Problem(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
}
