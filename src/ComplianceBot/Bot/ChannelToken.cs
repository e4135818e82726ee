using System.IdentityModel.Tokens.Jwt;

namespace ComplianceBot.Bot;

/// <summary>A first look at the <c>Authorization</c> header of a channel request, before the Bot Framework validates it.</summary>
public static class ChannelToken
{
    private static readonly JwtSecurityTokenHandler Handler = new();

    /// <summary>
    /// True when <paramref name="authorization"/> is <c>Bearer</c> followed by a token that parses as a JWT. Says
    /// nothing about its validity (issuer, signature, audience, expiry): the Bot Framework adapter checks those.
    /// </summary>
    public static bool IsReadable(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorization[scheme.Length..].Trim();
        return token.Length > 0 && Handler.CanReadToken(token);
    }
}
