using System.Runtime.CompilerServices;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Validation;

/// <summary>
/// Generated content can have a nearly-same warning for every other phrasing (109,450 at 10,000 topics), and the
/// running bot keeps its last load's messages: a warning must keep little beyond the lint's input (whose strings the
/// content keeps anyway), while its text reads exactly as before.
/// </summary>
[Collection(LiveMemory.Name)]
public sealed class PhrasingWarningsMemoryTests
{
    private const int Pairs = 2_000;

    private static readonly string Code0 = Code(0);

    [Fact]
    public void A_warning_keeps_about_a_hundred_bytes_not_its_text_and_reads_as_before()
    {
        var phrasings = Input(Pairs);
        var holder = WarningsReadAsBefore(phrasings);

        var with = LiveMemory.Bytes();
        holder[0] = null;
        var without = LiveMemory.Bytes();
        GC.KeepAlive(phrasings);

        // Before: each warning held its text (about 290 characters here, 600 bytes); now its place and two indexes.
        var perWarning = (double)(with - without) / Pairs;
        Assert.True(perWarning < 160, $"{perWarning:F0} bytes kept per warning");
    }

    // The warnings of phrasings (checked to read as before), held only by the returned array.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object?[] WarningsReadAsBefore(PhrasingCollisionCheck.Phrasings phrasings)
    {
        var warnings = PhrasingCollisionCheck.Warnings(phrasings);
        Assert.Equal(Pairs, warnings.Count);
        var first = warnings[0];
        Assert.Equal("knowledge/topics/t1.yaml:5:7: warning: phrasing 'can a foreign employee of our branch office in shanghai use the "
            + $"company line to reach the overseas head office {Code0}' of topic 't1' is the same as 'can a foreign employee of our branch office "
            + $"in shanghai use the company line to reach the overseas head office {Code0}' of topic 't0' (knowledge/topics/t0.yaml:5); the bot "
            + "cannot tell the two apart: reword one or keep it in one place", first.ToString());
        Assert.Equal(first, first with { }); // equal to a copy: place, severity and text
        Assert.Equal(new ValidationMessage(first.Path, first.Line, first.Column, first.Severity, first.Text), first);
        return [warnings];
    }

    // Pairs of topics t(2i), t(2i+1) with the same long phrasing, which ends in 30 letters of its own.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PhrasingCollisionCheck.Phrasings Input(int pairs)
    {
        var entries = new PhrasingCollisionCheck.Entry[2 * pairs];
        for (var i = 0; i < entries.Length; i++)
        {
            var code = Code(i / 2);
            entries[i] = new($"knowledge/topics/t{i}.yaml", 5, 7, $"topic 't{i}'",
                $"can a foreign employee of our branch office in shanghai use the company line to reach the overseas head office {code}");
        }

        return new PhrasingCollisionCheck.Phrasings(entries, []);
    }

    // 30 letters of a pair's own, so phrasings of different pairs are far from nearly the same.
    private static string Code(int pair)
    {
        var random = new Random(pair);
        return new string(Enumerable.Range(0, 30).Select(_ => (char)('a' + random.Next(26))).ToArray());
    }
}
