namespace ComplianceBot.Core.Tests.Support;

/// <summary>
/// Tests that measure the bytes the heap keeps (<see cref="GC.GetTotalMemory"/>, process-wide) run in this collection:
/// alone, after the parallel tests, so no other test allocates while they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveMemory
{
    /// <summary>The collection's name.</summary>
    public const string Name = "live memory";

    /// <summary>The bytes the heap holds after full collections (live objects).</summary>
    public static long Bytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
