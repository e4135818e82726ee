using ComplianceBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Bot;

/// <summary>Maps <c>POST /api/messages</c>, the Bot Framework endpoint (<c>docs/reply-format.md</c>, "The Bot Framework endpoint").</summary>
public static class MessagesEndpoint
{
    /// <summary>The route of the Bot Framework endpoint.</summary>
    public const string Route = "/api/messages";

    /// <summary>
    /// Adds the endpoint: a body that is not JSON gets 415, one over <see cref="InputLimitsOptions.MaxRequestBodyBytes"/>
    /// 413, a malformed activity 400 (see <see cref="ActivityRequestValidator"/>), each with <c>{"error": "…"}</c>;
    /// valid activities go to the adapter, which checks the channel's token when <c>MicrosoftAppId</c> is configured
    /// (401 without a valid one). Without an app id the endpoint is unauthenticated and answers callers on this
    /// machine only (403 otherwise; see <see cref="LocalAccess"/>). A token that cannot be validated at all (the identity
    /// metadata is unreachable) gets 503 with the reason, never an empty 500.
    /// </summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, IConfiguration configuration, LocalAccess access,
        IOptions<InputLimitsOptions> limits)
    {
        var authenticated = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        if (!authenticated && !access.Allows(context))
        {
            await LocalAccess.Refusal("Without MicrosoftAppId/MicrosoftAppPassword (channel authentication) this endpoint").ExecuteAsync(context);
            return;
        }

        if (authenticated && !ChannelToken.IsReadable(context.Request.Headers.Authorization))
        {
            // The SDK validates the token itself; a header that is not "Bearer <JWT>" at all would make it throw (500).
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error = "A Bot Framework channel token is required: Authorization: Bearer <JWT>." }, context.RequestAborted);
            return;
        }

        var (body, refusal) = await JsonRequestBody.ReadAsync(context, limits.Value.MaxRequestBodyBytes, rewind: true);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        if (ActivityRequestValidator.Validate(body) is { } problem)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = problem }, context.RequestAborted);
            return;
        }

        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Turn errors are handled in the pipeline; what escapes is the token check itself (a forged or expired token
            // the SDK does not map to 401, or identity metadata that cannot be fetched): never an empty 500.
            var invalid = ex is UnauthorizedAccessException or Microsoft.IdentityModel.Tokens.SecurityTokenException or ArgumentException;
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesEndpoint))
                .LogWarning(ex, "Channel token {Result}", invalid ? "refused" : "could not be validated");
            context.Response.StatusCode = invalid ? StatusCodes.Status401Unauthorized : StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new
            {
                error = invalid
                    ? "The channel token is not valid."
                    : $"The channel token could not be validated: the Bot Framework identity metadata could not be read ({ex.GetType().Name}). Try again later.",
            }, context.RequestAborted);
        }
    }
}
