using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Bot.Connector;

/// <summary>
/// The configured <see cref="BotFrameworkAuthentication"/> (token checks, caller ids, credentials: all its own), except
/// that the connector client and the user token client the adapter asks for on every activity are made only when a
/// turn uses them (<see cref="DeferredConnectorFactory"/>, <see cref="DeferredUserTokenClient"/>). The SDK builds both
/// per activity, each parsing user-agent strings with new regular expressions and reading assembly attributes by
/// reflection: about a fifth of a turn's CPU under load. A turn answered in the response (<c>expectReplies</c>, which
/// is how the web chat, the tests and the load test talk to the bot) and a bot that never signs users in use neither.
/// </summary>
public sealed class DeferredBotFrameworkAuthentication : BotFrameworkAuthentication
{
    private readonly BotFrameworkAuthentication _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public DeferredBotFrameworkAuthentication(BotFrameworkAuthentication inner) => _inner = inner;

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Deferred(await _inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Deferred(await _inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new DeferredConnectorFactory(_inner.CreateConnectorFactory(claimsIdentity));

    /// <inheritdoc />
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(() => _inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    /// <inheritdoc />
    public override BotFrameworkClient CreateBotFrameworkClient() => _inner.CreateBotFrameworkClient();

    /// <inheritdoc />
    public override string GetOriginatingAudience() => _inner.GetOriginatingAudience();

    /// <inheritdoc />
    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        _inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static AuthenticateRequestResult Deferred(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not DeferredConnectorFactory)
        {
            result.ConnectorFactory = new DeferredConnectorFactory(factory);
        }

        return result;
    }
}
