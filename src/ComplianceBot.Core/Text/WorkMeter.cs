namespace ComplianceBot.Core.Text;

/// <summary>
/// Counts the elementary steps the text pipeline takes on the current thread (characters copied or compared in the
/// steps whose cost could grow faster than the input: spelling lookups, stemming, dictionary probes of the Chinese
/// segmenter, the HMM, personal-data redaction), so a test can show that the work for a message grows in step with
/// its length, without timing anything.
/// </summary>
/// <remarks>Off unless a caller measures: counting costs one thread-static check per step.</remarks>
public static class WorkMeter
{
    [ThreadStatic]
    private static long _units;

    [ThreadStatic]
    private static bool _counting;

    /// <summary>Adds <paramref name="units"/> steps to the count of the current thread, when it is counting.</summary>
    public static void Add(long units)
    {
        if (_counting)
        {
            _units += units;
        }
    }

    /// <summary>Runs <paramref name="action"/> on this thread and returns the steps it counted.</summary>
    public static long Measure(Action action)
    {
        var (outerUnits, outerCounting) = (_units, _counting);
        (_units, _counting) = (0, true);
        try
        {
            action();
            return _units;
        }
        finally
        {
            (_units, _counting) = (outerUnits + (outerCounting ? _units : 0), outerCounting);
        }
    }
}
