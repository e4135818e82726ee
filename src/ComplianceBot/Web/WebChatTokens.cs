using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Web;

/// <summary>
/// The token that binds a web chat conversation to whoever started it: issued with the conversation id, required
/// (<c>Authorization: Bearer</c>) on every later request of that conversation. It is the HMAC-SHA256 of the conversation
/// id under <see cref="WebChatOptions.TokenSecret"/> (or a random per-process key), so nothing is stored and any
/// instance sharing the secret accepts it.
/// </summary>
public sealed class WebChatTokens
{
    private readonly byte[] _key;

    /// <summary>Creates the issuer from the configured secret, or a random key when none is set.</summary>
    public WebChatTokens(IOptions<WebChatOptions> options)
    {
        var secret = options.Value.TokenSecret;
        _key = secret.Length > 0 ? Encoding.UTF8.GetBytes(secret) : RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The token of <paramref name="conversationId"/> (43 URL-safe characters).</summary>
    public string Issue(string conversationId) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(conversationId))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;the token of <paramref name="conversationId"/>&gt;</c> (compared in constant time).</summary>
    public bool Accepts(string conversationId, string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(Issue(conversationId)));
    }
}
