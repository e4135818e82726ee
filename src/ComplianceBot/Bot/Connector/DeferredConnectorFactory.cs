using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ComplianceBot.Bot.Connector;

/// <summary>
/// A <see cref="ConnectorFactory"/> whose clients are made by <c>inner</c> the first time a turn uses them
/// (<see cref="DeferredConnectorClient"/>): an activity answered in the response never pays for one.
/// </summary>
public sealed class DeferredConnectorFactory : ConnectorFactory
{
    private readonly ConnectorFactory _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public DeferredConnectorFactory(ConnectorFactory inner) => _inner = inner;

    /// <inheritdoc />
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        Task.FromResult<IConnectorClient>(new DeferredConnectorClient(() => _inner.CreateAsync(serviceUrl, audience, CancellationToken.None)));
}
