using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// The validator refuses lost content (issue 10 part 6): a required file or a contract topic that is missing is an
/// error, so the load fails (and a running bot keeps its last good content) instead of silently serving less.
/// </summary>
public sealed class RequiredContentTests : IDisposable
{
    private readonly KnowledgeCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private ContentLoadResult Load() => ContentLoader.Load(_copy.Path, dialogsDirectory: Path.Combine(Repo.Root, "dialogs"));

    [Fact]
    public void The_real_content_has_everything_it_requires()
    {
        var result = Load();

        Assert.DoesNotContain(result.Messages, m => m.Severity == Severity.Error);
        Assert.NotNull(result.Content);
    }

    [Theory]
    [InlineData("out-of-scope.yaml")]
    [InlineData("synonyms.yaml")]
    public void A_missing_required_file_is_an_error_and_nothing_is_served(string file)
    {
        File.Delete(_copy.FullPath(file));

        var result = Load();

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal(KnowledgeCopy.Shown(file), error.Path);
        Assert.Contains("required file missing", error.Text);
    }

    [Fact]
    public void A_missing_contract_topic_is_an_error_naming_the_topic()
    {
        File.Delete(_copy.FullPath("topics/past-vpn-use.yaml"));

        var result = Load();

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error && m.Text.Contains("required by the product contract"));
        Assert.Equal(KnowledgeCopy.Shown("topics/past-vpn-use.yaml"), error.Path);
        Assert.Contains("'past-vpn-use'", error.Text);
    }

    [Fact]
    public void Adding_a_required_file_is_one_line_in_the_list()
    {
        _copy.Replace(RequiredContent.FileName, "\"out-of-scope.yaml\"", "\"out-of-scope.yaml\", \"glossary.yaml\"");

        var error = Assert.Single(Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal(KnowledgeCopy.Shown("glossary.yaml"), error.Path);
    }

    [Fact]
    public void A_missing_list_of_required_content_is_itself_an_error()
    {
        File.Delete(_copy.FullPath(RequiredContent.FileName));

        var error = Assert.Single(Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal(KnowledgeCopy.Shown(RequiredContent.FileName), error.Path);
    }

    [Fact]
    public void The_list_names_the_34_contract_topics_and_each_is_in_the_repository()
    {
        var listed = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(_copy.FullPath(RequiredContent.FileName)), "\"([a-z0-9-]+)\"")
            .Select(m => m.Groups[1].Value).Where(id => id is not ("files" or "topics")).Distinct().ToList();

        Assert.Equal(34, listed.Count);
        Assert.All(listed, id => Assert.True(File.Exists(Path.Combine(Repo.Knowledge, "topics", id + ".yaml")), id));
    }
}
