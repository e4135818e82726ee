namespace ComplianceBot.Core.Loading;

/// <summary>
/// The running bot's load (<see cref="ContentLoader.LoadDeferringPhrasingCheck"/>) is followed at once by building the
/// matchers and then by the phrasing lint, each allocating far more than it keeps (at 10,000 topics: 1.6 GB allocated
/// by the load and check, 1.4 GB by the index, for about 150 MB served). Much of it lives long enough to be promoted,
/// and the workstation GC collects the older generations only when their budgets run out, so each step's garbage was
/// still on the heap while the next step allocated: the process peaked at 536 MB when served and 707 MB during the lint
/// (docs/performance.md). One full, compacting collection between the steps (after the load, before the lint) gives
/// the next step the space back.
/// </summary>
/// <remarks>
/// The collection is induced only for content of at least <see cref="MinPhrasings"/> phrasings. It blocks every thread
/// of the process and compacts the whole heap, whatever else lives there: below that size the load's garbage is small
/// enough for the GC's own budgets (1,000 topics, 22,387 phrasings: 227 MB allocated, peak 195 MB without it), and a
/// process that loads content often (a test run starts hundreds of hosts, each loading the real content's 2,387
/// phrasings) would pay a full collection of its whole heap on every load for nothing.
/// </remarks>
internal static class LoadGarbage
{
    /// <summary>The smallest content (phrasings of both languages, topics and dialog triggers) whose load induces the collections: 50,000.</summary>
    internal const int MinPhrasings = 50_000;

    /// <summary>How many collections this has induced (for tests).</summary>
    internal static int Collections => _collections;

    private static int _collections;

    /// <summary>Collects every generation now, compacting (blocking), when <paramref name="phrasings"/> is at least <paramref name="minPhrasings"/> (default <see cref="MinPhrasings"/>).</summary>
    /// <param name="phrasings">How many phrasings the content that was just loaded or indexed holds.</param>
    /// <param name="minPhrasings">The threshold (tests pass a small one).</param>
    /// <returns>True when it collected.</returns>
    public static bool CollectIfLarge(int phrasings, int minPhrasings = MinPhrasings)
    {
        if (phrasings < minPhrasings)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Interlocked.Increment(ref _collections);
        return true;
    }
}
