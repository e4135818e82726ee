using System.Runtime.CompilerServices;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// The running bot keeps what the deferred phrasing check compares until the check has run, alongside the served
/// content (at 10,000 topics: hundreds of thousands of phrasings while the matchers are built). It must keep little
/// beyond what the content keeps anyway.
/// </summary>
[Collection(LiveMemory.Name)]
public sealed class PendingWarningsMemoryTests
{
    [Fact]
    public void The_deferred_check_keeps_a_few_dozen_bytes_per_phrasing_beyond_the_content()
    {
        using var copy = new KnowledgeCopy();
        var (others, holder) = LoadKeepingPendingApart(copy.Path);
        var phrasings = ((PendingWarnings)holder[0]!).PhrasingCount;

        var withPending = LiveMemory.Bytes();
        holder[0] = null;
        var without = LiveMemory.Bytes();
        GC.KeepAlive(others);

        // Before: each phrasing's normalised text (a copy) and an entry object, about 200 bytes each; now a 32-byte
        // struct in an exact-size array, its strings shared with the content.
        Assert.True(phrasings > 500, $"{phrasings} phrasings");
        var perPhrasing = (double)(withPending - without) / phrasings;
        Assert.True(perPhrasing < 100, $"{perPhrasing:F0} bytes kept per phrasing ({phrasings} phrasings)");
    }

    // The load's result without its pending warnings (keeps the content alive), and the pending warnings alone.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ContentLoadResult Others, object?[] Holder) LoadKeepingPendingApart(string knowledge)
    {
        var result = ContentLoader.LoadDeferringPhrasingCheck(knowledge);
        return (result with { Pending = null }, [result.Pending]);
    }
}
