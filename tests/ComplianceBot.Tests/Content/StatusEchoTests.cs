using ComplianceBot.Content;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Content;

/// <summary>A reload error about a file that is not content (a link to a system file) is reported without its contents.</summary>
public sealed class StatusEchoTests : IAsyncLifetime
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly TempContent _content = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "cb-secret-" + Guid.NewGuid().ToString("N") + ".txt");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await BotServer.StartAsync(
            new Dictionary<string, string?>(_content.Settings()) { ["Content:PollIntervalSeconds"] = Poll.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            builder => builder.Services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _content.Dispose();
        File.Delete(_outside);
    }

    [Fact]
    public async Task A_symlink_to_a_file_outside_is_reported_in_api_status_without_the_files_contents()
    {
        File.WriteAllText(_outside, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        File.CreateSymbolicLink(_content.PathOf("topics/zz-linked.yaml"), _outside);

        _clock.Advance(Poll);
        await _server.Services.GetRequiredService<ContentStore>().UntilAsync("the reload failed", ContentReloads.FailedWith("zz-linked.yaml"));
        var status = JObject.Parse(await _server.Client.GetStringAsync("/api/status"));

        Assert.Equal("degraded", (string?)status["status"]);
        var error = Assert.Single(status["lastReload"]!["errors"]!.Values<string>(), e => e!.Contains("zz-linked.yaml"));
        Assert.DoesNotContain("root:x", status.ToString());
        Assert.DoesNotContain("/bin/bash", status.ToString());
        Assert.Contains("'…'", error);
    }
}
