using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace ComplianceBot.Bot;

/// <summary>Maps <c>POST /api/messages</c>, the Bot Framework endpoint (contract section 3).</summary>
public static class MessagesEndpoint
{
    /// <summary>The route of the Bot Framework endpoint.</summary>
    public const string Route = "/api/messages";

    /// <summary>Adds the endpoint: malformed bodies get 400 with a reason; valid activities go to the adapter.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot)
    {
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Request.Body.Position = 0;
        if (ActivityRequestValidator.Validate(body) is { } problem)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = problem }, context.RequestAborted);
            return;
        }

        await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
    }
}
