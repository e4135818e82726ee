using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Content;

/// <summary>A reload error about a file that is not content (a link to a system file) is reported without its contents.</summary>
public sealed class StatusEchoTests : ReloadingHostTest
{
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "cb-secret-" + Guid.NewGuid().ToString("N") + ".txt");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_outside);
    }

    [Fact]
    public async Task A_symlink_to_a_file_outside_is_reported_in_api_status_without_the_files_contents()
    {
        File.WriteAllText(_outside, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        File.CreateSymbolicLink(Content.PathOf("topics/zz-linked.yaml"), _outside);

        await ReloadAsync("the reload failed", ContentReloads.FailedWith("zz-linked.yaml"));
        var status = JObject.Parse(await Server.Client.GetStringAsync("/api/status"));

        Assert.Equal("degraded", (string?)status["status"]);
        var error = Assert.Single(status["lastReload"]!["errors"]!.Values<string>(), e => e!.Contains("zz-linked.yaml"));
        Assert.DoesNotContain("root:x", status.ToString());
        Assert.DoesNotContain("/bin/bash", status.ToString());
        Assert.Contains("'…'", error);
    }
}
