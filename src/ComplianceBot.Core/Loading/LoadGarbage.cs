namespace ComplianceBot.Core.Loading;

/// <summary>
/// The running bot's load (<see cref="ContentLoader.LoadDeferringPhrasingCheck"/>) is followed at once by building the
/// matchers and then by the phrasing lint, each allocating far more than it keeps (at 10,000 topics: 1.6 GB allocated
/// by the load and check, 1.4 GB by the index, for about 150 MB served). Much of it lives long enough to be promoted,
/// and the workstation GC collects the older generations only when their budgets run out, so each step's garbage was
/// still on the heap while the next step allocated: the process peaked at 536 MB when served and 707 MB during the lint
/// (docs/performance.md). One full, compacting collection between the steps (after the load, before the lint) gives
/// the next step the space back; it costs a pause of a few tens to a few hundred milliseconds once per reload, not per
/// turn.
/// </summary>
internal static class LoadGarbage
{
    /// <summary>How many collections this has induced (for tests).</summary>
    internal static int Collections => _collections;

    private static int _collections;

    /// <summary>Collects every generation now, compacting (blocking).</summary>
    public static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Interlocked.Increment(ref _collections);
    }
}
