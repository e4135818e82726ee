using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Bot.Connector;

/// <summary>
/// A <see cref="UserTokenClient"/> made on first use: each call goes to the client <c>create</c> gives, made once, at
/// the first call; disposing disposes that client when there is one. The bot signs no one in, so a turn never makes one.
/// </summary>
public sealed class DeferredUserTokenClient : UserTokenClient
{
    private readonly Lazy<Task<UserTokenClient>> _client;

    /// <summary>Makes the client with <paramref name="create"/> at the first call.</summary>
    public DeferredUserTokenClient(Func<Task<UserTokenClient>> create) =>
        _client = new Lazy<Task<UserTokenClient>>(create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True once the client was asked for (a method was called).</summary>
    public bool IsCreated => _client.IsValueCreated;

    /// <inheritdoc />
    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await _client.Value.ConfigureAwait(false)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await _client.Value.ConfigureAwait(false)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await _client.Value.ConfigureAwait(false)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await _client.Value.ConfigureAwait(false)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId,
        CancellationToken cancellationToken) =>
        await (await _client.Value.ConfigureAwait(false)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest,
        CancellationToken cancellationToken) =>
        await (await _client.Value.ConfigureAwait(false)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _client.IsValueCreated && _client.Value.IsCompletedSuccessfully)
        {
            _client.Value.Result.Dispose();
        }

        base.Dispose(disposing);
    }
}
