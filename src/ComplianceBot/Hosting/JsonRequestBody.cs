using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace ComplianceBot.Hosting;

/// <summary>
/// Reads the JSON body of a request to one of the bot's endpoints (<c>/api/messages</c>, the web chat API) within
/// <see cref="InputLimitsOptions.MaxRequestBodyBytes"/>, so an oversized or non-JSON body is refused with a reason
/// before anything parses it.
/// </summary>
public static class JsonRequestBody
{
    /// <summary>
    /// The body as text (UTF-8; empty when the request has no body), or the answer to send instead: 415 when a body
    /// is not declared as JSON (<c>application/json</c> or <c>application/*+json</c>), 413 when it is larger than
    /// <paramref name="maxBytes"/> (by its <c>Content-Length</c>, or while reading a chunked body). Both answers are
    /// <c>{"error": "…"}</c>.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="maxBytes">Largest body accepted, in bytes.</param>
    /// <param name="rewind">Leave the body readable again from the start (for the Bot Framework adapter, which reads it itself).</param>
    public static async Task<(string Text, IResult? Problem)> ReadAsync(HttpContext context, long maxBytes, bool rewind = false)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return (string.Empty, null);
        }

        if (!request.HasJsonContentType())
        {
            var sent = string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : $"Content-Type '{request.ContentType}'";
            return (string.Empty, Error(StatusCodes.Status415UnsupportedMediaType,
                $"The body must be JSON sent with 'Content-Type: application/json'; this request has {sent}."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (string.Empty, TooLarge(maxBytes));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = maxBytes; // the server stops a chunked body at the limit
        }

        if (rewind)
        {
            request.EnableBuffering();
        }

        string text;
        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (string.Empty, TooLarge(maxBytes));
        }

        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            return (string.Empty, TooLarge(maxBytes)); // a server that does not enforce the limit itself
        }

        if (rewind)
        {
            request.Body.Position = 0;
        }

        return (text, null);
    }

    private static IResult TooLarge(long maxBytes) => Error(StatusCodes.Status413PayloadTooLarge,
        $"The request body is larger than {maxBytes} bytes ({InputLimitsOptions.SectionName}:{nameof(InputLimitsOptions.MaxRequestBodyBytes)}); " +
        "a chat message is far smaller: send a shorter message.");

    private static IResult Error(int status, string error) => Results.Json(new { error }, statusCode: status);
}
