using System.Diagnostics;
using System.Globalization;

namespace ComplianceBot.Benchmarks;

/// <summary>
/// With <c>SCALE_TRACE=1</c>, samples the process's resident memory (VmRSS), the managed heap and the GC's committed
/// memory every 100 ms and prints, per phase the report names (<see cref="Phase"/>), the sample with the largest
/// resident memory: where the peak comes and how much of it is managed heap; and the last collection and the
/// collections' pauses so far. Writes to standard error.
/// </summary>
internal sealed class MemoryTimeline : IDisposable
{
    private readonly Timer? _timer;
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private (long Rss, long Heap, long Committed, double At) _top;

    private MemoryTimeline(bool on)
    {
        if (on)
        {
            _timer = new Timer(_ => Sample(), null, 0, 100);
        }
    }

    /// <summary>Starts sampling when the environment variable <c>SCALE_TRACE</c> is <c>1</c>.</summary>
    public static MemoryTimeline Start() => new(Environment.GetEnvironmentVariable("SCALE_TRACE") == "1");

    /// <summary>Ends phase <paramref name="name"/> (begun at the previous call), printing its largest sample.</summary>
    public void Phase(string name)
    {
        if (_timer is null)
        {
            return;
        }

        Sample();
        lock (_gate)
        {
            var info = GC.GetGCMemoryInfo();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [{_clock.Elapsed.TotalSeconds,6:F1} s] {name,-28} peak RSS {_top.Rss / 1048576.0,5:F0} MB at {_top.At:F1} s (managed heap {_top.Heap / 1048576.0:F0} MB, GC committed {_top.Committed / 1048576.0:F0} MB); last GC: heap {info.HeapSizeBytes / 1048576.0:F0} MB, fragmented {info.FragmentedBytes / 1048576.0:F0} MB, committed {info.TotalCommittedBytes / 1048576.0:F0} MB, promoted {info.PromotedBytes / 1048576.0:F0} MB, gen {info.Generation}, pause {info.PauseDurations[0].TotalMilliseconds:F0} ms; all pauses so far {GC.GetTotalPauseDuration().TotalSeconds:F2} s"));
            _top = default;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _timer?.Dispose();

    private void Sample()
    {
        var rss = Rss();
        var heap = GC.GetTotalMemory(false);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        lock (_gate)
        {
            if (rss > _top.Rss)
            {
                _top = (rss, heap, committed, _clock.Elapsed.TotalSeconds);
            }
        }
    }

    private static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
