using System.Threading.Channels;
using ComplianceBot.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Content;

/// <summary>
/// Hot reload: watches the knowledge and dialogs folders and calls <see cref="ContentStore.Reload"/> once the files
/// have been quiet for <see cref="ContentOptions.ReloadDelayMilliseconds"/>. A valid change is served from the next
/// turn; an invalid one is logged with the validator's messages and the last good content stays (see
/// <see cref="ContentStore"/>). Conversation state lives elsewhere, so no conversation is lost.
/// </summary>
/// <remarks>
/// Change notifications come from <see cref="FileSystemWatcher"/> (any create, write, delete or rename, so editors
/// that save by writing a temporary file and renaming it over the original are seen). Because some file systems do
/// not deliver notifications, the folders are also scanned every <see cref="ContentOptions.PollIntervalSeconds"/>
/// and reloaded when a file's name, size or modification time changed.
/// </remarks>
public sealed class ContentWatcher : BackgroundService
{
    private readonly ContentStore _store;
    private readonly ContentOptions _options;
    private readonly ILogger<ContentWatcher> _logger;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>Creates the watcher over <paramref name="store"/>'s folders.</summary>
    public ContentWatcher(ContentStore store, IOptions<ContentOptions> options, ILogger<ContentWatcher> logger, TimeProvider time)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.WatchForChanges)
        {
            return;
        }

        var watchers = new Dictionary<string, FileSystemWatcher>(StringComparer.Ordinal);
        try
        {
            var fingerprint = Fingerprint();
            var poll = _options.PollIntervalSeconds > 0 ? TimeSpan.FromSeconds(_options.PollIntervalSeconds) : Timeout.InfiniteTimeSpan;
            while (!stoppingToken.IsCancellationRequested)
            {
                Rewatch(watchers);
                var notified = await WaitForChangeAsync(poll, stoppingToken);
                if (notified)
                {
                    await SettleAsync(stoppingToken);
                }

                var current = Fingerprint();
                if (notified || current != fingerprint)
                {
                    fingerprint = current;
                    Reload();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host is stopping
        }
        finally
        {
            foreach (var watcher in watchers.Values)
            {
                watcher.Dispose();
            }
        }
    }

    private IEnumerable<string> Folders() => [_store.KnowledgePath, _store.DialogsPath];

    /// <summary>Watches each folder that exists (one created after start-up, or deleted and created again, included).</summary>
    private void Rewatch(Dictionary<string, FileSystemWatcher> watchers)
    {
        foreach (var folder in Folders())
        {
            var exists = Directory.Exists(folder);
            if (watchers.TryGetValue(folder, out var watcher) && (!exists || !watcher.EnableRaisingEvents))
            {
                watcher.Dispose();
                watchers.Remove(folder);
            }

            if (exists && !watchers.ContainsKey(folder))
            {
                try
                {
                    watchers[folder] = Watch(folder);
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
        _logger.LogInformation("Watching {Folder} for content changes", folder);
        return watcher;
    }

    private void Notify() => _changes.Writer.TryWrite(true);

    /// <summary>True when a change was notified; false when the poll interval passed first.</summary>
    private async Task<bool> WaitForChangeAsync(TimeSpan poll, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (poll != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(poll);
        }

        try
        {
            await _changes.Reader.ReadAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until no change has been notified for the reload delay (an editor's save is several events).</summary>
    private async Task SettleAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(_options.ReloadDelayMilliseconds);
        do
        {
            await Task.Delay(delay, _time, stoppingToken);
        }
        while (_changes.Reader.TryRead(out _));
    }

    private void Reload()
    {
        try
        {
            _store.Reload();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            _logger.LogError(ex, "Reloading content failed; still serving the last good content");
        }
    }

    /// <summary>Names, sizes and modification times of every file under the folders, as one comparable string.</summary>
    private string Fingerprint()
    {
        var parts = new List<string>();
        foreach (var folder in Folders())
        {
            if (!Directory.Exists(folder))
            {
                parts.Add(folder + ":absent");
                continue;
            }

            try
            {
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
                {
                    parts.Add($"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                parts.Add(folder + ":unreadable");
            }
        }

        return string.Join('\n', parts);
    }
}
