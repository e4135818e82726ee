using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplianceBot.Slack;

/// <summary>
/// Parses a Slack request body that may carry text no .NET string can hold as sent: invalid UTF-8 bytes and escaped
/// lone surrogates (<c>\ud800</c> without its pair) become U+FFFD, so the message is read and answered instead of
/// failing the request.
/// </summary>
public static partial class SlackJson
{
    // An escaped high surrogate not followed by an escaped low one, or an escaped low surrogate not preceded by a high one.
    [GeneratedRegex(@"(?<!\\)((?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex LoneSurrogate();

    /// <summary>Parses <paramref name="body"/> (UTF-8 JSON), replacing what cannot be text with U+FFFD.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static JsonElement Parse(byte[] body) => Parse(Encoding.UTF8.GetString(body));

    /// <summary>Parses <paramref name="json"/>, replacing escaped lone surrogates with U+FFFD.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonElement Parse(string json)
    {
        var text = json.Contains("\\u", StringComparison.Ordinal) ? LoneSurrogate().Replace(json, "$1\\ufffd") : json;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
