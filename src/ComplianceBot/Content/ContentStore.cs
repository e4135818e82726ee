using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Validation;
using ComplianceBot.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ComplianceBot.Content;

/// <summary>
/// Holds the content the bot serves and replaces it atomically on <see cref="Reload"/>. Invalid content is
/// never served: a failed reload is logged with the validator's messages and the last good content stays.
/// After every load attempt, successful or not, the token from <see cref="GetReloadToken"/> fires.
/// </summary>
/// <remarks>
/// Content is served as soon as every check that can refuse it has passed. The phrasing-collision check, an
/// authoring lint that only warns (and the one check whose cost grows faster than the content), then runs in the
/// background (<see cref="WarningsChecked"/>): its warnings are logged and join <see cref="LastResult"/> (so
/// <c>/api/status</c>) when it finishes, exactly as <c>validate</c> prints them; a newer load attempt stops it.
/// </remarks>
public sealed class ContentStore : IContentProvider
{
    private readonly ILogger<ContentStore> _logger;
    private readonly MatcherOptions _matcherOptions;
    private readonly TimeProvider _time;
    private readonly object _reloadGate = new();
    private volatile ServedContent? _current;
    private CancellationTokenSource _reloaded = new();
    private long _reloads;
    private long _failedReloads;
    private volatile ContentLoadResult? _lastResult;
    private CancellationTokenSource? _lint;
    private Task _warningsChecked = Task.CompletedTask;

    /// <summary>Creates the store; content is loaded by the first <see cref="Reload"/>.</summary>
    public ContentStore(IOptions<ContentOptions> options, IOptions<MatcherOptions> matcherOptions, IHostEnvironment environment,
        ILogger<ContentStore> logger, TimeProvider time)
    {
        KnowledgePath = Path.GetFullPath(options.Value.KnowledgePath, environment.ContentRootPath);
        DialogsPath = Path.GetFullPath(options.Value.DialogsPath, environment.ContentRootPath);
        _matcherOptions = matcherOptions.Value;
        _logger = logger;
        _time = time;
    }

    /// <summary>Content loads so far (start-up and reloads), successful or not.</summary>
    public long ReloadCount => Interlocked.Read(ref _reloads);

    /// <summary>Content loads so far that failed (the last good content, if any, kept serving).</summary>
    public long FailedReloadCount => Interlocked.Read(ref _failedReloads);

    /// <summary>True once content has been loaded: there is content to serve.</summary>
    public bool IsLoaded => _current is not null;

    /// <summary>Absolute path of the knowledge folder.</summary>
    public string KnowledgePath { get; }

    /// <summary>Absolute path of the dialogs folder.</summary>
    public string DialogsPath { get; }

    /// <summary>The content being served.</summary>
    /// <exception cref="InvalidOperationException">Nothing valid has been loaded yet.</exception>
    public ServedContent Current => _current ?? throw new InvalidOperationException("Content has not been loaded.");

    /// <summary>The outcome of the last load attempt (successful or not).</summary>
    /// <remarks>
    /// Until the background phrasing check of that attempt has finished, its messages lack that check's warnings and
    /// <see cref="ContentLoadResult.Pending"/> is set; then it is replaced by the complete result.
    /// </remarks>
    public ContentLoadResult? LastResult
    {
        get => _lastResult;
        private set => _lastResult = value;
    }

    /// <summary>
    /// Completes when the phrasing-collision warnings of the last load attempt are in <see cref="LastResult"/> (or
    /// that check was stopped by a newer attempt). For tests and for tools that want every warning.
    /// </summary>
    public Task WarningsChecked => Volatile.Read(ref _warningsChecked);

    /// <summary>For tests: when set, the background phrasing check waits for this task before it starts.</summary>
    internal Task? HoldPhrasingCheck { get; set; }

    /// <summary>When the last load attempt failed, its error messages; otherwise empty.</summary>
    public IReadOnlyList<ValidationMessage> LastErrors { get; private set; } = [];

    /// <summary>
    /// The folders' <see cref="ContentFingerprint"/> taken just before the last load attempt read them; empty before
    /// the first. The files differ from what was read when the fingerprint of the folders now differs from it.
    /// </summary>
    internal string LoadedFingerprint { get; private set; } = string.Empty;

    /// <summary>True when the files changed while the last load attempt was reading them, so it may have read a mix.</summary>
    internal bool ChangedWhileLoading { get; private set; }

    /// <summary>
    /// A token that fires once the next load attempt has finished (successful or not), after <see cref="Current"/>,
    /// <see cref="LastResult"/> and <see cref="LastErrors"/> have been updated. Each token fires once; ask again for
    /// the following attempt (or use <c>ChangeToken.OnChange</c>). For components that derive something from the
    /// content, and for tests that wait for a reload.
    /// </summary>
    public IChangeToken GetReloadToken() => new CancellationChangeToken(Volatile.Read(ref _reloaded).Token);

    /// <summary>Loads the content for the first time.</summary>
    /// <exception cref="InvalidOperationException">The content has errors; the message lists each with file, line and column.</exception>
    public void LoadOrThrow()
    {
        var result = Reload();
        if (result.Content is null)
        {
            throw new InvalidOperationException(
                $"The content in {KnowledgePath} has errors; fix them and start again:{Environment.NewLine}"
                + string.Join(Environment.NewLine, LastErrors));
        }
    }

    /// <summary>
    /// Loads the folders again. On success the new content is served from the next turn; on failure the
    /// previous content stays and the errors are logged. Returns the load result either way. The folders are
    /// fingerprinted before and after reading (<see cref="LoadedFingerprint"/>, <see cref="ChangedWhileLoading"/>),
    /// so a change made while they were being read leads to another reload.
    /// </summary>
    public ContentLoadResult Reload()
    {
        try
        {
            lock (_reloadGate)
            {
                var started = _time.GetTimestamp();
                var before = ContentFingerprint.Of([KnowledgePath, DialogsPath]);
                // No line maps of the files: the bot's load keeps none (ContentLoader.LoadDeferringPhrasingCheck).
                var result = Load();
                LoadedFingerprint = before;
                ChangedWhileLoading = ContentFingerprint.Of([KnowledgePath, DialogsPath]) != before;
                if (ChangedWhileLoading)
                {
                    _logger.LogInformation("The content in {Path} changed while it was being read; it will be read again", KnowledgePath);
                }

                return Apply(result, _time.GetElapsedTime(started));
            }
        }
        finally
        {
            Interlocked.Exchange(ref _reloaded, new CancellationTokenSource()).Cancel();
        }
    }

    private ContentLoadResult Load()
    {
        try
        {
            return ContentLoader.LoadDeferringPhrasingCheck(KnowledgePath, _time, DialogsPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var message = new ValidationMessage(KnowledgePath, 0, 0, Severity.Error, "cannot read content: " + ex.Message);
            return new ContentLoadResult(null, _current?.Snapshot.Version ?? new(string.Empty, _time.GetUtcNow(), default), [message]);
        }
    }

    private ContentLoadResult Apply(ContentLoadResult result, TimeSpan took)
    {
        Interlocked.Increment(ref _reloads);
        var lint = new CancellationTokenSource();
        Interlocked.Exchange(ref _lint, lint)?.Cancel();
        try
        {
            return Serve(result, took);
        }
        finally
        {
            var hold = HoldPhrasingCheck ?? Task.CompletedTask;
            Volatile.Write(ref _warningsChecked, Task.Run(async () =>
            {
                await hold.WaitAsync(lint.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                CheckWarnings(result, lint.Token);
            }));
        }
    }

    // The deferred phrasing check of result: its warnings replace result as LastResult, unless a newer attempt came.
    private void CheckWarnings(ContentLoadResult result, CancellationToken cancellationToken)
    {
        if (result.Pending is null)
        {
            return;
        }

        var started = _time.GetTimestamp();
        ContentLoadResult complete;
        try
        {
            complete = result.Complete(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The phrasing check of content version {Version} failed", result.Version.ShortHash);
            return;
        }

        if (Interlocked.CompareExchange(ref _lastResult, complete, result) != result)
        {
            return; // a newer load attempt reports its own
        }

        var logged = result.Messages.ToHashSet(ReferenceEqualityComparer.Instance); // the other warnings were logged with the load
        var added = complete.Messages.Where(m => m.Severity == Severity.Warning && !logged.Contains(m)).ToList();
        foreach (var warning in added)
        {
            _logger.LogWarning("{Message}", warning.ToString());
        }

        _logger.LogInformation("Checked content version {Version} for nearly-same phrasings: {Phrasings} phrasings compared, warnings: {Warnings} ({Milliseconds} ms)",
            result.Version.ShortHash, result.Pending.PhrasingCount, added.Count, (int)_time.GetElapsedTime(started).TotalMilliseconds);
    }

    private ContentLoadResult Serve(ContentLoadResult result, TimeSpan took)
    {
        if (result.Content is null)
        {
            Interlocked.Increment(ref _failedReloads);
            LastErrors = result.Messages.Where(m => m.Severity == Severity.Error).ToList();
            LastResult = result;
            _logger.LogError("Content in {Path} is invalid; {Action}:{NewLine}{Errors}", KnowledgePath,
                _current is null ? "nothing to serve" : "still serving version " + _current.Snapshot.Version.ShortHash,
                Environment.NewLine, string.Join(Environment.NewLine, LastErrors));
            return result;
        }

        _current = ServedContent.Create(result.Content, _matcherOptions);
        LastErrors = [];
        LastResult = result; // after the swap, so a reader never sees a successful reload with the old content
        foreach (var warning in result.Messages.Where(m => m.Severity == Severity.Warning))
        {
            _logger.LogWarning("{Message}", warning.ToString());
        }

        _logger.LogInformation("Loaded content version {Version}: {Topics} topics, {Regulations} regulations, {Dialogs} dialogs, {Documents} indexed phrasings ({Milliseconds} ms)",
            result.Content.Version.ShortHash, result.Content.Knowledge.Topics.Count, result.Content.Knowledge.Regulations.Count,
            result.Content.Dialogs.Count, _current.Matcher.DocumentCount, (int)took.TotalMilliseconds);
        return result;
    }
}
