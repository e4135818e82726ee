using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// Topic and regulation files are read, parsed and checked against their schemas in parallel; what comes out (the
/// messages in their order, the content version, the content) is exactly what reading them one by one gives, broken
/// files included.
/// </summary>
public sealed class ParallelReadingTests
{
    [Fact]
    public void Reading_in_parallel_gives_the_same_messages_in_the_same_order_and_the_same_version_as_one_by_one()
    {
        using var copy = new KnowledgeCopy();
        var topics = Directory.GetFiles(copy.FullPath("topics"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        var regulations = Directory.GetFiles(copy.FullPath("regulations"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        // A mix of defects across many files: unknown keys, wrong types, syntax, duplicate keys, anchors, not UTF-8.
        File.AppendAllText(topics[1], "colour: blue\n");
        File.WriteAllText(topics[3], File.ReadAllText(topics[3]).Replace("review_by:", "review_by: [", StringComparison.Ordinal));
        File.AppendAllText(topics[5], "id: again\n");
        File.AppendAllText(topics[7], "extra: &a 1\n");
        File.WriteAllBytes(topics[9], [.. File.ReadAllBytes(topics[9]), 0xC3, 0x28]);
        File.WriteAllText(topics[11], File.ReadAllText(topics[11]).Replace("phrasings:", "phrasing:", StringComparison.Ordinal));
        File.AppendAllText(regulations[2], "unknown_field: 3\n");
        File.WriteAllText(Path.Combine(copy.FullPath("topics"), "zz-extra.yaml"), "id: zz-extra\n");

        var oneByOne = ContentLoader.LoadReading(copy.Path, dialogsDirectory: null, maxParallelism: 1);
        var parallel = ContentLoader.LoadReading(copy.Path, dialogsDirectory: null, maxParallelism: 8);

        Assert.True(oneByOne.Messages.Count(m => m.Severity == ComplianceBot.Core.Validation.Severity.Error) >= 8);
        Assert.Equal(oneByOne.Messages.Select(m => m.ToString()), parallel.Messages.Select(m => m.ToString()));
        Assert.Equal(oneByOne.Version.Hash, parallel.Version.Hash);
    }

    [Fact]
    public void Valid_content_read_in_parallel_is_the_same_content_as_read_one_by_one()
    {
        var oneByOne = ContentLoader.LoadReading(Repo.Knowledge, dialogsDirectory: null, maxParallelism: 1);
        var parallel = ContentLoader.LoadReading(Repo.Knowledge, dialogsDirectory: null, maxParallelism: 8);

        Assert.Equal(oneByOne.Messages.Select(m => m.ToString()), parallel.Messages.Select(m => m.ToString()));
        Assert.Equal(oneByOne.Version.Hash, parallel.Version.Hash);
        Assert.Equal(oneByOne.Content!.Knowledge.Topics.Select(t => (t.Id, string.Join("|", t.Phrasings.Values.SelectMany(p => p)), t.Answer.En)),
            parallel.Content!.Knowledge.Topics.Select(t => (t.Id, string.Join("|", t.Phrasings.Values.SelectMany(p => p)), t.Answer.En)));
    }
}
