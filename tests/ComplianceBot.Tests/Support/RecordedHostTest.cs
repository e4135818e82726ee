namespace ComplianceBot.Tests.Support;

/// <summary>
/// A test class that runs the real bot host against a local <see cref="RecordingServer"/> standing in for the remote
/// API the bot calls (the Bot Connector at a Teams activity's <c>serviceUrl</c>, or Slack's Web API): both are started
/// before each test and stopped after it.
/// </summary>
public abstract class RecordedHostTest : IAsyncLifetime
{
    /// <summary>The bot host under test.</summary>
    protected BotServer Bot { get; private set; } = null!;

    /// <summary>The local server that records what the bot sends out.</summary>
    protected RecordingServer Remote { get; private set; } = null!;

    /// <summary>Host settings for a remote API at <paramref name="remote"/>; none (the defaults) unless overridden.</summary>
    protected virtual IDictionary<string, string?>? Settings(Uri remote) => null;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Remote = await RecordingServer.StartAsync();
        Bot = await BotServer.StartAsync(Settings(Remote.Address));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Remote.DisposeAsync();
    }
}
