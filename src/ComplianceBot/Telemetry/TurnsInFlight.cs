namespace ComplianceBot.Telemetry;

/// <summary>Counts the turns running in the pipeline, so graceful shutdown can wait for them (<see cref="GracefulShutdown"/>).</summary>
public sealed class TurnsInFlight
{
    private readonly object _gate = new();
    private int _count;
    private TaskCompletionSource _none = NewDone();

    /// <summary>Turns running now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts a turn until the result is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            if (_count++ == 0)
            {
                _none = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Leaving(this);
    }

    /// <summary>Completes when no turn is running (at once when none is).</summary>
    public Task WhenNoneAsync()
    {
        lock (_gate)
        {
            return _none.Task;
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_count == 0)
            {
                _none.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewDone()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private sealed class Leaving(TurnsInFlight owner) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
