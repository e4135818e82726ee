using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// <see cref="ContentLoader.LoadDeferringPhrasingCheck"/> (what the running bot uses) gives the content <c>validate</c>
/// accepts at once and, once completed, exactly <c>validate</c>'s messages in the same order: the deferred check only
/// ever adds warnings, so what the bot refuses does not change.
/// </summary>
public sealed class DeferredPhrasingCheckTests
{
    private const string Topic = "topics/personal-penalties.yaml";

    [Fact]
    public void Deferred_then_completed_gives_the_same_content_and_the_same_messages_in_the_same_order_as_loading_at_once()
    {
        using var copy = new KnowledgeCopy();
        AddCollisions(copy);

        var atOnce = ContentLoader.Load(copy.Path);
        var deferred = ContentLoader.LoadDeferringPhrasingCheck(copy.Path);

        Assert.NotNull(atOnce.Content);
        Assert.NotNull(deferred.Content);
        Assert.Equal(atOnce.Version.Hash, deferred.Version.Hash);
        Assert.NotNull(deferred.Pending);
        Assert.DoesNotContain(deferred.Messages, m => m.Text.Contains("the bot cannot tell the two apart", StringComparison.Ordinal));
        Assert.Contains(deferred.Messages, m => m.Text.StartsWith("placeholder contact", StringComparison.Ordinal)); // the other warnings are there at once

        var completed = deferred.Complete();

        Assert.Null(completed.Pending);
        Assert.Equal(3, completed.Messages.Count(m => m.Text.Contains("the bot cannot tell the two apart", StringComparison.Ordinal)));
        Assert.Equal(atOnce.Messages.Select(m => m.ToString()), completed.Messages.Select(m => m.ToString()));
        Assert.Same(completed, completed.Complete());
    }

    [Fact]
    public void Content_with_an_error_is_refused_by_both_and_the_completed_messages_are_the_same()
    {
        using var copy = new KnowledgeCopy();
        AddCollisions(copy);
        copy.Edit(Topic, text => text + "colour: blue\n");

        var atOnce = ContentLoader.Load(copy.Path);
        var deferred = ContentLoader.LoadDeferringPhrasingCheck(copy.Path);

        Assert.Null(atOnce.Content);
        Assert.Null(deferred.Content);
        Assert.Equal(atOnce.Messages.Where(m => m.Severity == Severity.Error), deferred.Messages.Where(m => m.Severity == Severity.Error));
        Assert.Equal(atOnce.Messages.Select(m => m.ToString()), deferred.Complete().Messages.Select(m => m.ToString()));
    }

    [Fact]
    public void The_running_bots_load_keeps_no_line_maps_of_the_files_while_validates_load_does()
    {
        using var copy = new KnowledgeCopy();

        var atOnce = ContentLoader.Load(copy.Path);
        var deferred = ContentLoader.LoadDeferringPhrasingCheck(copy.Path);

        // The bot never asks where a topic was read (the impact command does, after Load); the files' line maps would
        // live as long as the result, through the matchers' build and the lint (about 60 MB at 10,000 topics).
        Assert.NotNull(atOnce.Sources.Topic("personal-penalties", "/phrasings"));
        Assert.Null(deferred.Sources.Topic("personal-penalties", "/phrasings"));
        Assert.Same(ContentSources.None, deferred.Sources);
    }

    [Fact]
    public void The_running_bots_load_and_its_lint_each_start_from_a_collected_heap_when_the_content_is_large()
    {
        using var copy = new KnowledgeCopy();

        // The real content stands in for large content (threshold 1 phrasing): the load's garbage is collected before the
        // index is built, the index's before the lint builds its tables (at 10,000 topics: peak 536 MB when served and
        // 707 MB during the lint without, under 470 MB with).
        var before = LoadGarbage.Collections;
        var deferred = ContentLoader.LoadDeferringPhrasingCheckCollectingFrom(copy.Path, null, null, collectFromPhrasings: 1);
        var afterLoad = LoadGarbage.Collections;
        deferred.Pending!.Compute(CancellationToken.None, collectFromPhrasings: 1);

        Assert.True(afterLoad > before);
        Assert.True(LoadGarbage.Collections > afterLoad);
    }

    [Fact]
    public void The_real_content_loads_and_lints_without_an_induced_collection()
    {
        // A full blocking collection of the whole process heap on every load of small content pauses every thread for
        // nothing (a test run starts hundreds of hosts, each loading the real content): the real content is far below
        // the threshold. Only this class induces collections in this test assembly, and its tests run one at a time.
        using var copy = new KnowledgeCopy();

        var before = LoadGarbage.Collections;
        var deferred = ContentLoader.LoadDeferringPhrasingCheck(copy.Path);
        deferred.Complete();

        Assert.InRange(deferred.Pending!.PhrasingCount, 1, LoadGarbage.MinPhrasings - 1);
        Assert.Equal(before, LoadGarbage.Collections);
    }

    // Two phrasings equal to other topics' ones and one nearly the same, next to a placeholder warning in the same file.
    private static void AddCollisions(KnowledgeCopy copy)
    {
        copy.Edit(Topic, text =>
        {
            var at = text.IndexOf("  en:\n", StringComparison.Ordinal) + "  en:\n".Length;
            return text[..at] + "    - is a paid vpn legal in china\n    - is a paid vpn legal in chinaa\n" + text[at..];
        });
        copy.Edit("topics/travelers.yaml", text =>
        {
            var at = text.IndexOf("  en:\n", text.IndexOf("phrasings:", StringComparison.Ordinal), StringComparison.Ordinal) + "  en:\n".Length;
            return text[..at] + "    - is a paid vpn legal in china\n" + text[at..];
        });
        copy.Edit(Topic, text => text.Replace("**Using an unauthorised channel", "**TODO: Using an unauthorised channel", StringComparison.Ordinal));
    }
}
