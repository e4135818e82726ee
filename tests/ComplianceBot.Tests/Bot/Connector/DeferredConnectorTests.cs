using System.Security.Claims;
using ComplianceBot.Bot.Connector;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Tests.Bot.Connector;

/// <summary>
/// The connector and user token clients the adapter asks for on every activity are made only when a turn uses them:
/// an activity answered in the response (expectReplies) makes none, one that sends through the channel makes exactly one.
/// </summary>
public sealed class DeferredConnectorTests
{
    private sealed class CountingFactory : ConnectorFactory
    {
        public int Created { get; private set; }

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            Created++;
            return Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri(serviceUrl), new MicrosoftAppCredentials(string.Empty, string.Empty)));
        }
    }

    private sealed class CountingAuthentication(ConnectorFactory factory) : BotFrameworkAuthentication
    {
        public int TokenClients { get; private set; }

        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            Task.FromResult(new AuthenticateRequestResult { ClaimsIdentity = new ClaimsIdentity(), ConnectorFactory = factory });

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => factory;

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        {
            TokenClients++;
            return Task.FromResult<UserTokenClient>(null!);
        }
    }

    [Fact]
    public async Task A_turn_that_sends_nothing_through_the_channel_makes_no_client()
    {
        var factory = new CountingFactory();
        var inner = new CountingAuthentication(factory);
        var authentication = new DeferredBotFrameworkAuthentication(inner);

        var result = await authentication.AuthenticateRequestAsync(new Activity(), string.Empty, CancellationToken.None);
        using (await result.ConnectorFactory.CreateAsync("https://smba.trafficmanager.net/teams/", "audience", CancellationToken.None))
        using (await authentication.CreateUserTokenClientAsync(result.ClaimsIdentity, CancellationToken.None))
        {
        }

        Assert.Equal(0, factory.Created);
        Assert.Equal(0, inner.TokenClients);
    }

    [Fact]
    public async Task A_turn_that_sends_through_the_channel_makes_one_client_for_the_activity_s_service()
    {
        var factory = new CountingFactory();
        var authentication = new DeferredBotFrameworkAuthentication(new CountingAuthentication(factory));
        var result = await authentication.AuthenticateRequestAsync(new Activity(), string.Empty, CancellationToken.None);

        using var client = await result.ConnectorFactory.CreateAsync("https://smba.trafficmanager.net/teams/", "audience", CancellationToken.None);
        var conversations = client.Conversations;
        var again = client.Conversations;

        Assert.Equal(1, factory.Created);
        Assert.Same(conversations, again);
        Assert.Equal(new Uri("https://smba.trafficmanager.net/teams/"), client.BaseUri);
    }
}
