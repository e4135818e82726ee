using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Slack;

/// <summary>The outcome of checking a request's Slack signature.</summary>
public enum SlackVerification
{
    /// <summary>Signed by Slack with the configured secret, recently.</summary>
    Valid,

    /// <summary><c>X-Slack-Request-Timestamp</c> or <c>X-Slack-Signature</c> is missing or malformed.</summary>
    MissingHeaders,

    /// <summary>The timestamp is further from now than <see cref="SlackOptions.MaxRequestAge"/> (a possible replay).</summary>
    Stale,

    /// <summary>The signature does not match the body (tampered, or another secret).</summary>
    BadSignature,
}

/// <summary>
/// Verifies Slack's request signatures as Slack specifies: <c>v0=</c> + hex HMAC-SHA256, keyed with the signing
/// secret, of <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>, computed over the body's untouched bytes and
/// compared in constant time.
/// </summary>
public sealed class SlackRequestVerifier
{
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier with the configured secret and the clock used for the age check.</summary>
    public SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
    }

    /// <summary>Checks one request.</summary>
    /// <param name="timestamp">The <c>X-Slack-Request-Timestamp</c> header (Unix seconds).</param>
    /// <param name="signature">The <c>X-Slack-Signature</c> header (<c>v0=</c> + 64 hex digits).</param>
    /// <param name="body">The raw request body.</param>
    public SlackVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith("v0=", StringComparison.Ordinal))
        {
            return SlackVerification.MissingHeaders;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > _options.MaxRequestAge)
        {
            return SlackVerification.Stale;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature.AsSpan(3));
        }
        catch (FormatException)
        {
            return SlackVerification.BadSignature;
        }

        var expected = Sign(_options.SigningSecret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? SlackVerification.Valid : SlackVerification.BadSignature;
    }

    /// <summary>The raw HMAC-SHA256 of <c>v0:{timestamp}:{body}</c> with <paramref name="secret"/> (32 bytes).</summary>
    public static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
    }
}
