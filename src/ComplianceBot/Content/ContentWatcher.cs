using System.Threading.Channels;
using ComplianceBot.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Content;

/// <summary>
/// Hot reload: calls <see cref="ContentStore.Reload"/> when the knowledge or dialogs folder changes. A valid change is
/// served from the next turn; an invalid one is logged with the validator's messages and the last good content stays
/// (see <see cref="ContentStore"/>). Conversation state lives elsewhere, so no conversation is lost.
/// </summary>
/// <remarks>
/// Two ways of noticing a change, both timed by the injected <see cref="TimeProvider"/>:
/// <list type="bullet">
/// <item>Change notifications (<see cref="FileSystemWatcher"/>: any create, write, delete or rename, so editors that
/// save by writing a temporary file and renaming it over the original are seen) reload once the files have been quiet
/// for <see cref="ContentOptions.ReloadDelayMilliseconds"/>. They are fast but not complete: some file systems do not
/// deliver them, and a folder deleted, restored or replaced as a whole is not reported by a watcher inside it.</item>
/// <item>The scan, every <see cref="ContentOptions.PollIntervalSeconds"/> on a fixed schedule, compares the folders'
/// <see cref="ContentFingerprint"/> with the one taken before the last load and reloads when they differ. It is the
/// guarantee: any change, whether notified or not, is loaded within one poll interval (plus the load itself). A scan
/// that falls during the quiet time after a notification reloads at once.</item>
/// </list>
/// The watchers and the schedule are set up in <see cref="StartAsync"/>, before the host reports that it has started,
/// and a change made between the first load and that moment is found by comparing fingerprints there. A change made
/// while a load is reading the files leads to another reload (<see cref="ContentStore.ChangedWhileLoading"/>). After a
/// reload the watchers are set up again, so a folder that was replaced is watched where it now is.
/// </remarks>
public sealed class ContentWatcher : BackgroundService
{
    private readonly ContentStore _store;
    private readonly ContentOptions _options;
    private readonly ILogger<ContentWatcher> _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly Channel<bool> _notified = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _scanDue = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private ITimer? _schedule;

    /// <summary>Creates the watcher over <paramref name="store"/>'s folders.</summary>
    public ContentWatcher(ContentStore store, IOptions<ContentOptions> options, ILogger<ContentWatcher> logger, TimeProvider time)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    private string[] Folders => [_store.KnowledgePath, _store.DialogsPath];

    /// <summary>
    /// Unless <see cref="ContentOptions.WatchForChanges"/> is false: starts watching the folders and the scan schedule,
    /// and if the files changed since the content was loaded, schedules a reload; then starts the reload loop.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.WatchForChanges)
        {
            return Task.CompletedTask;
        }

        Rewatch(again: false);
        var interval = TimeSpan.FromSeconds(_options.PollIntervalSeconds);
        _schedule = _time.CreateTimer(_ => _scanDue.Writer.TryWrite(true), null, interval, interval);
        if (ContentFingerprint.Of(Folders) != _store.LoadedFingerprint)
        {
            Notify();
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _schedule?.Dispose();
        foreach (var watcher in _watchers.Values)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                if (_notified.Reader.Count == 0 && _scanDue.Reader.Count == 0)
                {
                    await WhenEitherAsync(token => _notified.Reader.WaitToReadAsync(token).AsTask(),
                        token => _scanDue.Reader.WaitToReadAsync(token).AsTask(), stoppingToken);
                }

                var notified = _notified.Reader.TryRead(out _);
                if (notified)
                {
                    await SettleAsync(stoppingToken);
                }

                var scanned = _scanDue.Reader.TryRead(out _);
                if (notified || (scanned && ContentFingerprint.Of(Folders) != _store.LoadedFingerprint))
                {
                    Reload();
                    Rewatch(again: true);
                }
                else if (scanned)
                {
                    Rewatch(again: false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    /// <summary>
    /// Waits until no change has been notified for the reload delay (an editor's save is several events), or until a
    /// scan is due, whichever comes first.
    /// </summary>
    private async Task SettleAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(_options.ReloadDelayMilliseconds);
        do
        {
            if (_scanDue.Reader.Count > 0)
            {
                return;
            }

            await WhenEitherAsync(token => Task.Delay(delay, _time, token), token => _scanDue.Reader.WaitToReadAsync(token).AsTask(), stoppingToken);
        }
        while (_notified.Reader.TryRead(out _));
    }

    /// <summary>Waits for the first of two waits to end, then cancels the other (so no waiter or timer is left behind).</summary>
    private static async Task WhenEitherAsync(Func<CancellationToken, Task> first, Func<CancellationToken, Task> second, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(first(either.Token), second(either.Token));
        await either.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private void Reload()
    {
        try
        {
            _store.Reload();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Reloading the content failed; still serving the last good content");
        }

        if (_store.ChangedWhileLoading)
        {
            Notify();
        }
    }

    private void Notify() => _notified.Writer.TryWrite(true);

    /// <summary>
    /// Watches each folder that exists (one created after start-up, or deleted and created again, included); with
    /// <paramref name="again"/>, replaces every watcher, so a folder replaced by another is watched where it now is.
    /// </summary>
    private void Rewatch(bool again)
    {
        foreach (var folder in Folders)
        {
            if (_watchers.TryGetValue(folder, out var watcher) && (again || !watcher.EnableRaisingEvents || !Directory.Exists(folder)))
            {
                watcher.Dispose();
                _watchers.Remove(folder);
            }

            if (!_watchers.ContainsKey(folder) && Directory.Exists(folder))
            {
                try
                {
                    _watchers[folder] = Watch(folder);
                }
                catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
                {
                    _logger.LogWarning(ex, "Cannot watch {Folder}; changes there are found by the periodic scan only", folder);
                }
            }
        }
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Notify();
        watcher.Created += (_, _) => Notify();
        watcher.Deleted += (_, _) => Notify();
        watcher.Renamed += (_, _) => Notify();
        watcher.Error += (_, e) =>
        {
            _logger.LogWarning(e.GetException(), "Watching {Folder} failed; reloading to be safe", folder);
            Notify();
        };
        watcher.EnableRaisingEvents = true;
        _logger.LogDebug("Watching {Folder} for content changes", folder);
        return watcher;
    }
}
