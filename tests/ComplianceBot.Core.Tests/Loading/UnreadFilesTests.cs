using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>YAML files the loader does not read are named in a warning, so an author knows an edit there has no effect.</summary>
public sealed class UnreadFilesTests : IDisposable
{
    private readonly string _knowledge = Repo.CopyContent();

    private string Root => Path.GetDirectoryName(_knowledge)!;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    [Fact]
    public void A_topic_in_a_subfolder_of_topics_is_named_in_a_warning_and_the_content_still_loads()
    {
        Directory.CreateDirectory(Path.Combine(_knowledge, "topics", "old"));
        File.Copy(Path.Combine(_knowledge, "topics", "travelers.yaml"), Path.Combine(_knowledge, "topics", "old", "travelers.yaml"));

        var result = ContentLoader.Load(_knowledge);

        Assert.NotNull(result.Content);
        var warning = Assert.Single(result.Messages, m => m.Severity == Severity.Warning);
        Assert.Equal("knowledge/topics/old/travelers.yaml:0:0: warning: this YAML file is not read: files are read from knowledge/topics/ "
            + "itself, not from its subfolders. Move it where it belongs, or delete it if it is an old copy", warning.ToString());
    }

    [Fact]
    public void Yaml_files_in_other_places_are_named_too()
    {
        File.Copy(Path.Combine(_knowledge, "synonyms.yaml"), Path.Combine(_knowledge, "synonyms.yml"));
        Directory.CreateDirectory(Path.Combine(Root, "dialogs", "drafts"));
        File.Copy(Path.Combine(Root, "dialogs", "travel-check.yaml"), Path.Combine(Root, "dialogs", "drafts", "travel-check.yaml"));

        var warnings = ContentLoader.Load(_knowledge).Messages.Where(m => m.Severity == Severity.Warning).Select(m => m.Path + ": " + m.Text).ToList();

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("dialogs/drafts/travel-check.yaml: this YAML file is not read: dialogs are read from dialogs/ itself", warnings[0]);
        Assert.StartsWith("knowledge/synonyms.yml: this YAML file is not read: the knowledge/ folder itself holds only synonyms.yaml, out-of-scope.yaml, places.yaml and follow-ups.yaml", warnings[1]);
    }

    [Fact]
    public void Conversation_scripts_in_the_tests_folders_are_not_warned_about()
    {
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_knowledge, "tests"), "*.yaml"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, "dialogs", "tests"), "*.yaml"));

        var result = ContentLoader.Load(_knowledge);

        Assert.DoesNotContain(result.Messages, m => m.Severity == Severity.Warning);
    }
}
