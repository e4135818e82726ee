using Microsoft.Extensions.Logging;

namespace ComplianceBot.Tests.Support;

/// <summary>Collects the host's log entries so tests can check, and wait for, what an operator would see.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>
    /// Returns the <paramref name="occurrence"/>-th entry (from 1) matching <paramref name="match"/>, once it has been
    /// logged (or throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled first).
    /// </summary>
    public async Task<Entry> WaitForAsync(Func<Entry, bool> match, int occurrence = 1, string what = "the log entry", CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task added;
            lock (_gate)
            {
                if (_entries.Where(match).Skip(occurrence - 1).FirstOrDefault() is { } entry)
                {
                    return entry;
                }

                added = _added.Task;
            }

            await added.WaitAsync(cancellationToken).OrFailAsync($"{what} (occurrence {occurrence})", () => "logged: " + string.Join(" | ", Entries.Select(e => e.Message)));
        }
    }

    public void Dispose()
    {
    }

    private void Add(Entry entry)
    {
        TaskCompletionSource added;
        lock (_gate)
        {
            _entries.Add(entry);
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        added.TrySetResult();
    }

    private sealed class Logger(string category, LogCollector collector) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                collector.Add(new Entry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
