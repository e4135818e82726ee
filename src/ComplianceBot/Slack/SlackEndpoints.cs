using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Slack;

/// <summary>
/// Maps the Slack routes: <c>POST /api/slack/events</c> (Events API) and <c>POST /api/slack/interactions</c>
/// (interactivity: button clicks). Each request's signature is checked over the raw body first (401 when missing,
/// stale or wrong); <c>url_verification</c> is answered with its challenge; user messages and clicks are queued
/// for <see cref="SlackTurnProcessor"/> and acknowledged at once with 200, so Slack never waits for an answer.
/// </summary>
public static class SlackEndpoints
{
    /// <summary>The Events API request URL path.</summary>
    public const string EventsRoute = "/api/slack/events";

    /// <summary>The interactivity request URL path.</summary>
    public const string InteractionsRoute = "/api/slack/interactions";

    /// <summary>Adds both routes.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(EventsRoute, HandleEventsAsync);
        endpoints.MapPost(InteractionsRoute, HandleInteractionsAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleEventsAsync(HttpContext context, IOptions<SlackOptions> options, SlackRequestVerifier verifier,
        SlackEventTriage triage, SlackTurnQueue queue, SlackDeliveryLog log, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints));
        var (body, refusal) = await ReadVerifiedAsync(context, options.Value, verifier, logger);
        if (refusal is not null)
        {
            return refusal;
        }

        JsonElement payload;
        try
        {
            payload = SlackJson.Parse(body); // bad UTF-8 or lone surrogates become U+FFFD: the message is still answered
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not JSON: " + ex.Message);
        }

        var type = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        switch (type)
        {
            case "url_verification":
                return payload.TryGetProperty("challenge", out var challenge) && challenge.ValueKind == JsonValueKind.String
                    ? Results.Json(new { challenge = challenge.GetString() })
                    : Problem(StatusCodes.Status400BadRequest, "url_verification without a string 'challenge'.");
            case "event_callback":
                SlackDecision decision;
                try
                {
                    decision = await triage.DecideAsync(payload, RetryNumber(context), context.RequestAborted);
                }
                catch (FormatException ex)
                {
                    return Problem(StatusCodes.Status400BadRequest, ex.Message);
                }

                return await EnqueueAsync(decision, queue, logger, onFull: turn =>
                    log.ReleaseAsync(payload.GetProperty("event_id").GetString()!, turn.ChannelId, turn.MessageTs));
            case null:
                return Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object with a string 'type'.");
            default:
                logger.LogDebug("Slack request of type {Type} acknowledged and not used", type);
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleInteractionsAsync(HttpContext context, IOptions<SlackOptions> options, SlackRequestVerifier verifier,
        SlackEventTriage triage, SlackTurnQueue queue, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints));
        var (body, refusal) = await ReadVerifiedAsync(context, options.Value, verifier, logger);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var json) || string.IsNullOrWhiteSpace(json))
        {
            return Problem(StatusCodes.Status400BadRequest, "An interaction must be a form with a 'payload' field.");
        }

        try
        {
            var payload = SlackJson.Parse(json.ToString());
            return await EnqueueAsync(await triage.DecideInteractionAsync(payload, context.RequestAborted), queue, logger, onFull: _ => Task.CompletedTask);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "The interaction payload is not usable: " + ex.Message);
        }
    }

    private static async Task<IResult> EnqueueAsync(SlackDecision decision, SlackTurnQueue queue, ILogger logger, Func<SlackTurn, Task> onFull)
    {
        if (decision.Turn is not { } turn)
        {
            logger.LogDebug("Slack delivery ignored: {Reason}", decision.IgnoredBecause);
            return Results.Ok();
        }

        if (!queue.TryEnqueue(turn))
        {
            await onFull(turn);
            logger.LogError("Slack turn for {Conversation} refused: the queue is full", turn.ConversationKey);
            return Problem(StatusCodes.Status503ServiceUnavailable, "The bot is overloaded; Slack will retry.");
        }

        return Results.Ok();
    }

    private static async Task<(byte[] Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext context, SlackOptions options,
        SlackRequestVerifier verifier, ILogger logger)
    {
        if (!options.IsConfigured)
        {
            return ([], Problem(StatusCodes.Status503ServiceUnavailable, "Slack is not configured: set Slack:SigningSecret and Slack:BotToken."));
        }

        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            return ([], Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.MaxBodyBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes)
            {
                return ([], Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.MaxBodyBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var verification = verifier.Verify(context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"], body);
        if (verification != SlackVerification.Valid)
        {
            logger.LogWarning("Slack request to {Path} refused: {Reason}", context.Request.Path, verification);
            var reason = verification switch
            {
                SlackVerification.Stale => "The request timestamp is too old or in the future.",
                SlackVerification.MissingHeaders => "X-Slack-Request-Timestamp and X-Slack-Signature are required.",
                _ => "The signature does not match.",
            };
            return ([], Problem(StatusCodes.Status401Unauthorized, reason));
        }

        return (body, null);
    }

    private static int? RetryNumber(HttpContext context) =>
        int.TryParse(context.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IResult Problem(int status, string error) => Results.Json(new { error }, statusCode: status);
}
