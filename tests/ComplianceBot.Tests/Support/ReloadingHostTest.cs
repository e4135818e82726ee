using ComplianceBot.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// A test class that runs the real bot host on a temporary copy of the content (<see cref="TempContent"/>) and a fake
/// clock, watching the copy every <see cref="Poll"/>: a test changes the files, then <see cref="ReloadAsync"/> moves the
/// clock on by one poll interval and waits for the reload through the content store's signal (never by sleeping).
/// The host is started before each test and stopped, and the copy deleted, after it.
/// </summary>
public abstract class ReloadingHostTest : IAsyncLifetime
{
    /// <summary>How often the host's content watcher looks at the copy (<c>Content:PollIntervalSeconds</c>). 5 s.</summary>
    protected static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>The copy of the content the host serves.</summary>
    protected TempContent Content { get; } = new();

    /// <summary>The host's clock.</summary>
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The bot host under test.</summary>
    protected BotServer Server { get; private set; } = null!;

    /// <summary>The host's content store.</summary>
    protected ContentStore Store => Server.Services.GetRequiredService<ContentStore>();

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        Server = await BotServer.StartAsync(
            new Dictionary<string, string?>(Content.Settings()) { ["Content:PollIntervalSeconds"] = Poll.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            builder => builder.Services.AddSingleton<TimeProvider>(Clock));

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Content.Dispose();
    }

    /// <summary>Moves the clock on by one poll interval (the watcher scans) and waits until a reload leads to <paramref name="reached"/>.</summary>
    protected async Task ReloadAsync(string what, Func<ContentStore, bool> reached)
    {
        Clock.Advance(Poll);
        await Store.UntilAsync(what, reached);
    }

    /// <summary><c>GET /api/status</c>, asserted 200.</summary>
    protected async Task<JObject> StatusAsync()
    {
        using var response = await Server.Client.GetAsync("/api/status");
        Assert.Equal(200, (int)response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }
}
