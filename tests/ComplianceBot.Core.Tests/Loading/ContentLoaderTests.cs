using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

public sealed class ContentLoaderTests : IDisposable
{
    private static readonly string[] ContractTopicIds =
    [
        "personal-vpn-legal-status", "personal-paid-vpn", "personal-lawful-uses", "personal-prohibited-acts",
        "personal-penalties", "personal-liability", "vpn-technology-legality", "corporate-compliant-paths",
        "corporate-application-process", "corporate-obligations", "log-retention", "subleasing-prohibited",
        "overseas-branch-access", "third-party-access", "corporate-penalties", "corporate-accountability",
        "personal-vs-corporate", "legal-basis", "licensed-operators", "travelers", "enterprise-recommendations",
        "regulatory-approach", "enterprise-vpn-definition", "about-bot",
        "company-vpn-use", "approved-channel-check", "everyday-apps", "roaming-and-esims", "hong-kong-macau",
        "other-jurisdictions", "cross-border-data-transfer", "criminal-and-immigration-exposure", "licence-verification",
        "past-vpn-use",
    ];

    private readonly List<string> _copies = [];

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }

    [Fact]
    public void The_real_knowledge_folder_loads_without_errors()
    {
        var result = ContentLoader.Load(Repo.Knowledge);

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Messages.Where(m => m.Severity == Severity.Error)));
        var knowledge = result.Content!.Knowledge;
        Assert.Subset(knowledge.Topics.Select(t => t.Id).ToHashSet(), ContractTopicIds.ToHashSet()); // more topics are welcome (docs/reply-format.md, "Topic ids")
        Assert.All(knowledge.Topics, topic =>
        {
            Assert.True(topic.Phrasings[Text.Language.English].Count >= 6, $"{topic.Id} has fewer than 6 English phrasings");
            Assert.NotEmpty(topic.Citations);
            Assert.NotEmpty(topic.Related);
            Assert.NotEmpty(topic.Audience);
        });
        Assert.Equal(64, result.Version.Hash.Length);
    }

    [Fact]
    public void The_real_content_flags_unverified_regulations_and_notes_the_cybersecurity_law_amendment()
    {
        var knowledge = ContentLoader.Load(Repo.Knowledge).Content!.Knowledge;

        var csl = knowledge.FindRegulation("cybersecurity-law")!;
        Assert.Contains(new DateOnly(2025, 10, 28), csl.Revised);
        var logArticle = csl.FindArticle("23")!;
        Assert.Contains("21", logArticle.Note ?? string.Empty); // the 2016 numbering is kept visible
        var interim = knowledge.FindRegulation("interim-provisions-international-networking")!;
        Assert.NotEqual(VerificationStatus.Verified, interim.Verification);
    }

    [Fact]
    public void An_unchanged_copy_under_another_folder_name_and_place_has_the_same_version()
    {
        var copy = Copy();
        var renamed = Path.Combine(Path.GetDirectoryName(copy)!, "elsewhere", "kq");
        Directory.CreateDirectory(Path.GetDirectoryName(renamed)!);
        Directory.Move(copy, renamed);

        var original = ContentLoader.Load(Repo.Knowledge, dialogsDirectory: Repo.Dialogs).Version.Hash;

        Assert.Equal(original, ContentLoader.Load(renamed, dialogsDirectory: Repo.Dialogs).Version.Hash);
    }

    [Fact]
    public void Same_files_give_the_same_content_hash_and_an_edit_changes_it()
    {
        var copy = Copy();
        var first = ContentLoader.Load(copy).Version.Hash;
        Assert.Equal(first, ContentLoader.Load(copy).Version.Hash);

        File.AppendAllText(Path.Combine(copy, "topics", "travelers.yaml"), "\n# reviewed\n");
        Assert.NotEqual(first, ContentLoader.Load(copy).Version.Hash);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_file_line_and_column()
    {
        var copy = Copy();
        var path = Path.Combine(copy, "topics", "travelers.yaml");
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(2, "title: [unclosed");
        File.WriteAllLines(path, lines);

        var result = ContentLoader.Load(copy);

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal("knowledge/topics/travelers.yaml", error.Path);
        Assert.Equal((3, 8), (error.Line, error.Column)); // the unclosed bracket
        Assert.StartsWith("YAML syntax:", error.Text);
    }

    [Fact]
    public void An_unknown_key_is_reported_at_its_line_with_a_suggestion()
    {
        var copy = Copy();
        var path = Path.Combine(copy, "topics", "log-retention.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("related:", "relatd:"));
        var line = Array.FindIndex(File.ReadAllLines(path), l => l.StartsWith("relatd:")) + 1;

        var error = Assert.Single(ContentLoader.Load(copy).Messages, m => m.Severity == Severity.Error);

        Assert.Equal(("knowledge/topics/log-retention.yaml", line, 1), (error.Path, error.Line, error.Column));
        Assert.Equal("unknown key 'relatd'; did you mean 'related'?", error.Text);
    }

    [Fact]
    public void A_citation_of_a_missing_regulation_or_article_is_an_error_at_the_citation()
    {
        var copy = Copy();
        var path = Path.Combine(copy, "topics", "log-retention.yaml");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("regulation: cybersecurity-law", "regulation: cybersecurity-lawz"));

        var error = Assert.Single(ContentLoader.Load(copy).Messages, m => m.Severity == Severity.Error);
        Assert.Equal("regulation 'cybersecurity-lawz' does not exist in knowledge/regulations/; did you mean 'cybersecurity-law'?", error.Text);
        Assert.Equal(LineOf(path, "cybersecurity-lawz"), error.Line);
    }

    [Fact]
    public void A_missing_required_key_names_the_key()
    {
        var copy = Copy();
        var path = Path.Combine(copy, "topics", "travelers.yaml");
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith("last_reviewed:")).ToArray();
        File.WriteAllLines(path, lines);

        var error = Assert.Single(ContentLoader.Load(copy).Messages, m => m.Severity == Severity.Error);
        Assert.Equal("knowledge/topics/travelers.yaml", error.Path);
        Assert.StartsWith("missing required key 'last_reviewed'", error.Text);
    }

    [Fact]
    public void An_id_that_does_not_match_its_file_name_is_an_error()
    {
        var copy = Copy();
        var path = Path.Combine(copy, "topics", "travelers.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("id: travelers", "id: travellers"));

        var error = Assert.Single(ContentLoader.Load(copy).Messages, m => m.Severity == Severity.Error);
        Assert.Equal(LineOf(path, "id: travellers"), error.Line);
        Assert.Contains("does not match the file name 'travelers'", error.Text);
    }

    [Fact]
    public void A_wrong_value_type_is_reported_at_the_value()
    {
        var copy = Copy();
        var path = Path.Combine(copy, "topics", "travelers.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("version: ", "version: two # was "));

        var error = Assert.Single(ContentLoader.Load(copy).Messages, m => m.Severity == Severity.Error);
        Assert.Equal("'version' must be a whole number, found 'two'", error.Text);
        Assert.Equal(LineOf(path, "version:"), error.Line);
    }

    [Fact]
    public void A_configured_dialogs_folder_that_does_not_exist_is_an_error_not_zero_dialogs()
    {
        var copy = Copy();
        var missing = Path.Combine(Path.GetDirectoryName(copy)!, "dialogs-renamed");

        var result = ContentLoader.Load(copy, dialogsDirectory: missing);

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal(("dialogs-renamed", 0, 0), (error.Path, error.Line, error.Column));
        Assert.StartsWith("dialogs folder not found; without it every decision dialog", error.Text);
    }

    private string Copy()
    {
        var copy = Repo.CopyKnowledge();
        _copies.Add(copy);
        return copy;
    }

    private static int LineOf(string path, string fragment) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(fragment, StringComparison.Ordinal)) + 1;
}
