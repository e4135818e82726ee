using System.Buffers;
using System.IO.Pipelines;
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
            text = rewind ? await ReadWithStreamReaderAsync(request.Body, context.RequestAborted) : await ReadAllAsync(request.BodyReader, context.RequestAborted);
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

    // The body's bytes as they arrive, decoded once: what a StreamReader (UTF-8, byte order marks detected) reads, without
    // its buffers and growing builder. A body starting with a UTF-16 or UTF-32 byte order mark is left to the StreamReader.
    private static async Task<string> ReadAllAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var bytes = result.Buffer;
            if (result.IsCompleted || result.IsCanceled)
            {
                try
                {
                    return StartsWith(bytes, Utf8Bom) ? Encoding.UTF8.GetString(bytes.Slice(Utf8Bom.Length))
                        : StartsWith(bytes, [0xFE, 0xFF]) || StartsWith(bytes, [0xFF, 0xFE]) || StartsWith(bytes, [0x00, 0x00, 0xFE, 0xFF])
                            ? await ReadWithStreamReaderAsync(new MemoryStream(bytes.ToArray()), cancellationToken)
                            : Encoding.UTF8.GetString(bytes);
                }
                finally
                {
                    reader.AdvanceTo(bytes.End);
                }
            }

            reader.AdvanceTo(bytes.Start, bytes.End); // nothing consumed, everything looked at: wait for more
        }
    }

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static bool StartsWith(ReadOnlySequence<byte> bytes, ReadOnlySpan<byte> prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }

        Span<byte> start = stackalloc byte[prefix.Length];
        bytes.Slice(0, prefix.Length).CopyTo(start);
        return start.SequenceEqual(prefix);
    }

    private static async Task<string> ReadWithStreamReaderAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static IResult TooLarge(long maxBytes) => Error(StatusCodes.Status413PayloadTooLarge,
        $"The request body is larger than {maxBytes} bytes ({InputLimitsOptions.SectionName}:{nameof(InputLimitsOptions.MaxRequestBodyBytes)}); " +
        "a chat message is far smaller: send a shorter message.");

    private static IResult Error(int status, string error) => Results.Json(new { error }, statusCode: status);
}
