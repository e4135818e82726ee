using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Slack;

/// <summary>A Slack Web API call answered <c>"ok": false</c>, or with an unreadable body.</summary>
/// <param name="method">The API method, e.g. <c>chat.postMessage</c>.</param>
/// <param name="error">Slack's error code (e.g. <c>not_in_channel</c>, <c>invalid_auth</c>) or a description.</param>
public sealed class SlackApiException(string method, string error) : Exception($"Slack {method} failed: {error}")
{
    /// <summary>The API method that failed.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's error code, or a description of what was wrong with the response.</summary>
    public string Error { get; } = error;
}

/// <summary>
/// The two Slack Web API methods the bot uses, over the <c>slack</c> <see cref="HttpClient"/> (base address
/// <see cref="SlackOptions.ApiBaseUrl"/>, retries on 429/5xx/timeouts by the host's resilience handler, which honours
/// <c>Retry-After</c>). Every call sends the bot token as <c>Authorization: Bearer</c> and a UTF-8 JSON body.
/// </summary>
public sealed class SlackApiClient
{
    /// <summary>The name of the configured <see cref="HttpClient"/>.</summary>
    public const string HttpClientName = "slack";

    private readonly HttpClient _http;
    private readonly SlackOptions _options;

    /// <summary>Creates the client over the named <see cref="HttpClientName"/> client.</summary>
    public SlackApiClient(IHttpClientFactory httpClientFactory, IOptions<SlackOptions> options)
    {
        _http = httpClientFactory.CreateClient(HttpClientName);
        _options = options.Value;
    }

    /// <summary>
    /// <c>chat.postMessage</c>: posts <paramref name="message"/> (<c>text</c>, <c>blocks</c>, <c>metadata</c>) to
    /// <paramref name="channel"/>, in the thread <paramref name="threadTs"/> when given. Link and media previews are off.
    /// </summary>
    /// <returns>The new message's <c>ts</c>.</returns>
    /// <exception cref="SlackApiException">Slack refused the call.</exception>
    /// <exception cref="HttpRequestException">Slack could not be reached, or kept failing after retries.</exception>
    public async Task<string> PostMessageAsync(string channel, string? threadTs, JsonObject message, CancellationToken cancellationToken)
    {
        var body = (JsonObject)message.DeepClone();
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        var response = await CallAsync("chat.postMessage", body, cancellationToken);
        return response.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString()! : string.Empty;
    }

    /// <summary><c>chat.update</c>: replaces the text and blocks of the bot's message <paramref name="ts"/> in <paramref name="channel"/>.</summary>
    /// <exception cref="SlackApiException">Slack refused the call.</exception>
    /// <exception cref="HttpRequestException">Slack could not be reached, or kept failing after retries.</exception>
    public async Task UpdateMessageAsync(string channel, string ts, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks.DeepClone() };
        await CallAsync("chat.update", body, cancellationToken);
    }

    private async Task<JsonElement> CallAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var json = JsonDocument.Parse(text).RootElement.Clone();
            if (json.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return json;
            }

            var error = json.TryGetProperty("error", out var e) ? e.ToString() : "no 'ok' in the response";
            throw new SlackApiException(method, error);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "the response is not JSON");
        }
    }
}
