using System.Diagnostics;
using ComplianceBot.Tests.Support;
using Xunit.Abstractions;

namespace ComplianceBot.Tests.Docs;

/// <summary>
/// The doc tests run their commands in-process with the scratch copy as the current folder (the command line finds
/// the content from it, and prints paths relative to it), so they run alone: no other test may see that folder change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DocsCollection
{
    public const string Name = "Docs (current folder changes)";
}

/// <summary>
/// Every command shown in the README and in docs/ (and in the guides beside the content) is carried out in document
/// order against a scratch copy of the repository, and what it prints is compared with the output the document shows,
/// so the documents cannot drift from the product. <see cref="DocRunner"/> says how each kind of command is run.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocCommandTests(ITestOutputHelper log)
{
    /// <summary>The documents whose commands are tested, relative to the repository root.</summary>
    public static TheoryData<string> Documents()
    {
        var root = Repo.Root;
        var documents = new TheoryData<string>();
        foreach (var path in new[] { "README.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(f => "docs/" + Path.GetFileName(f)))
            .Concat(["knowledge/README.md", "knowledge/tests/README.md", "dialogs/README.md"]))
        {
            documents.Add(path);
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_command_shown_prints_what_the_document_shows(string document)
    {
        var markdown = await File.ReadAllTextAsync(Path.Combine(Repo.Root, document));
        var steps = DocSteps.Of(MarkdownBlocks.Read(document, markdown));

        await using var runner = new DocRunner();
        var failures = new List<string>();
        foreach (var step in steps)
        {
            var clock = Stopwatch.StartNew();
            var difference = await runner.RunAsync(step);
            log.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {step.Where}"); // where the time goes (not asserted)
            if (difference is not null)
            {
                var what = step is CommandStep command ? $"$ {command.Command}" : $"writing {((FileStep)step).Path}";
                failures.Add($"{step.Where}: {what}\n  {difference}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {steps.Count} steps of {document} did not do what it shows:\n\n" + string.Join("\n\n", failures));
    }
}
