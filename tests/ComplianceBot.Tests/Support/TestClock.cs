using Microsoft.Extensions.Time.Testing;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// A fake clock (starting at the real time, moving only when a test moves it) that records each timer the code under
/// test sets (when created or changed, as <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> does), so a test
/// can wait until the product is waiting for a given time and then move the clock past it.
/// </summary>
public sealed class TestClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _unclaimed = []; // due times of the timers set, each claimed by one AdvancePastTimerAsync
    private TaskCompletionSource _set = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Record(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits until a timer due in <paramref name="dueTime"/> (to within a millisecond, as logs round) has been set,
    /// then advances the clock by that timer's exact due time, so it fires.
    /// </summary>
    public async Task AdvancePastTimerAsync(TimeSpan dueTime)
    {
        var close = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            Task set;
            lock (_gate)
            {
                var index = _unclaimed.FindIndex(t => (t - dueTime).Duration() < close);
                if (index >= 0)
                {
                    dueTime = _unclaimed[index];
                    _unclaimed.RemoveAt(index);
                    break;
                }

                set = _set.Task;
            }

            await set.OrFailAsync($"A timer of {dueTime.TotalMilliseconds} ms", () => "timers set (ms): " + string.Join(", ", Unclaimed()));
        }

        Advance(dueTime);
    }

    private void Record(TimeSpan dueTime)
    {
        if (dueTime <= TimeSpan.Zero)
        {
            return; // Timeout.InfiniteTimeSpan (not started) or zero (fires at once)
        }

        TaskCompletionSource set;
        lock (_gate)
        {
            _unclaimed.Add(dueTime);
            set = _set;
            _set = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        set.TrySetResult();
    }

    private List<double> Unclaimed()
    {
        lock (_gate)
        {
            return _unclaimed.Select(t => t.TotalMilliseconds).ToList();
        }
    }

    private sealed class RecordedTimer(ITimer timer, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = timer.Change(dueTime, period);
            clock.Record(dueTime);
            return changed;
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
