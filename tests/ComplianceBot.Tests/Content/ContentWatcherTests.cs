using ComplianceBot.Content;
using ComplianceBot.Core.Matching;
using ComplianceBot.Hosting;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceBot.Tests.Content;

/// <summary>
/// The content watcher on its own, over a copy of the content and a fake clock: when it starts, what it compares
/// with, and that a setting cannot turn its scan off.
/// </summary>
public sealed class ContentWatcherTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    private readonly TempContent _content = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public void Dispose() => _content.Dispose();

    /// <summary>
    /// The cause of a flaky hot reload test: since .NET 10 the host reports "started" before a background service has
    /// run any of its code, so a folder deleted right after start-up could be gone before the watcher first looked.
    /// The watcher then took the folders without it as its starting point, watched only the folder that was left, and
    /// never reloaded (not even with the scan on, which compared against that starting point).
    /// </summary>
    [Fact]
    public async Task A_folder_deleted_after_the_content_was_loaded_but_before_the_watcher_started_is_noticed_within_one_poll_interval()
    {
        var options = Options.Create(new ContentOptions
        {
            KnowledgePath = _content.KnowledgePath,
            DialogsPath = _content.DialogsPath,
            PollIntervalSeconds = (int)Poll.TotalSeconds,
        });
        var store = new ContentStore(options, Options.Create(new MatcherOptions()), new HostingEnvironment { ContentRootPath = _content.Root },
            NullLogger<ContentStore>.Instance, _clock);
        store.LoadOrThrow();

        Directory.Delete(_content.DialogsPath, recursive: true);
        using var watcher = new ContentWatcher(store, options, NullLogger<ContentWatcher>.Instance, _clock);
        await watcher.StartAsync(CancellationToken.None);
        _clock.Advance(Poll);

        await store.UntilAsync("the missing dialogs folder reported", ContentReloads.FailedWith("dialogs folder not found"));
        Assert.Equal(4, store.Current.Snapshot.Dialogs.Count); // the last good dialogs are still served
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_poll_interval_of_0_is_refused_at_start_up_because_the_scan_cannot_be_turned_off()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotServer.StartAsync(new Dictionary<string, string?>(_content.Settings()) { ["Content:PollIntervalSeconds"] = "0" }));

        Assert.Contains("Content:PollIntervalSeconds must be between 1 and 3600 seconds", error.Message);
        Assert.Contains("Content:WatchForChanges=false turns hot reload off", error.Message);
    }
}
