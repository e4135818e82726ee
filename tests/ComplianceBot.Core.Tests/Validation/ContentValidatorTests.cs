using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Validation;

/// <summary>
/// Broken copies of the real content, one defect each: the validator names the exact file, line, column and
/// reason, and the bot's loader refuses errors (no content) while warnings and infos still load.
/// </summary>
public sealed class ContentValidatorTests : IDisposable
{
    private const string Travelers = "topics/travelers.yaml";
    private const string LogRetention = "topics/log-retention.yaml";
    private readonly KnowledgeCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void The_real_knowledge_validates_clean_no_errors_and_no_warnings()
    {
        var asOf = ContentLoader.Load(Repo.Knowledge).Version.AsOf;

        var result = ContentLoader.Load(Repo.Knowledge, KnowledgeCopy.Clock(asOf));

        Assert.NotNull(result.Content);
        Assert.Empty(result.Messages.Where(m => m.Severity != Severity.Info).Select(m => m.ToString()));
    }

    [Fact]
    public void A_duplicate_key_is_an_error_at_the_second_key_naming_the_first_line()
    {
        var first = _copy.LineOf(Travelers, "review_by:");
        _copy.Edit(Travelers, text => text + "review_by: 2027-12-31\n");
        var second = _copy.LineOf(Travelers, "review_by: 2027-12-31");

        var result = _copy.Load();

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal($"knowledge/topics/travelers.yaml:{second}:1: error: duplicate key 'review_by' (first on line {first}); keep one of them",
            error.ToString());
    }

    [Fact]
    public void A_duplicate_key_inside_a_nested_mapping_is_found_too()
    {
        var first = _copy.LineOf(Travelers, "  en: Travelling to mainland China");
        _copy.Replace(Travelers, "  en: Travelling to mainland China\n", "  en: Travelling to mainland China\n  en: Trips to China\n");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal(("knowledge/topics/travelers.yaml", first + 1, 3), (error.Path, error.Line, error.Column));
        Assert.Equal($"duplicate key 'en' (first on line {first}); keep one of them", error.Text);
    }

    [Fact]
    public void The_same_phrasing_under_two_topics_is_a_warning_naming_both_topics_and_files()
    {
        var original = _copy.LineOf("topics/about-bot.yaml", "- what can you do");
        _copy.Replace(Travelers, "    - tips for staying online on a trip to china\n",
            "    - tips for staying online on a trip to china\n    - What can you do?\n");
        var added = _copy.LineOf(Travelers, "- What can you do?");

        var result = _copy.Load();

        Assert.NotNull(result.Content); // a warning does not stop the bot
        var warning = Assert.Single(result.Messages, m => m.Severity == Severity.Warning);
        Assert.Equal($"knowledge/topics/travelers.yaml:{added}:7: warning: phrasing 'What can you do?' of topic 'travelers' is the same as "
            + $"'what can you do' of topic 'about-bot' (knowledge/topics/about-bot.yaml:{original}); the bot cannot tell the two apart: "
            + "reword one or keep it in one place", warning.ToString());
    }

    [Fact]
    public void A_nearly_identical_phrasing_under_two_topics_is_a_warning_too()
    {
        var original = _copy.LineOf("topics/about-bot.yaml", "- what kind of questions can i ask you");
        _copy.Replace(Travelers, "    - tips for staying online on a trip to china\n",
            "    - tips for staying online on a trip to china\n    - what kind of question can i ask you\n");
        var added = _copy.LineOf(Travelers, "- what kind of question can i ask you");

        var warning = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Warning);

        Assert.Equal(("knowledge/topics/travelers.yaml", added, 7), (warning.Path, warning.Line, warning.Column));
        Assert.StartsWith("phrasing 'what kind of question can i ask you' of topic 'travelers' is nearly the same as "
            + $"'what kind of questions can i ask you' of topic 'about-bot' (knowledge/topics/about-bot.yaml:{original})", warning.Text);
    }

    [Fact]
    public void A_chinese_phrasing_shared_by_two_topics_is_a_warning()
    {
        _copy.Replace(Travelers, "    - 去中国出差怎么上网\n", "    - 去中国出差怎么上网\n    - 你能做什么？\n");
        var added = _copy.LineOf(Travelers, "- 你能做什么？");

        var warning = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Warning);

        Assert.Equal(("knowledge/topics/travelers.yaml", added, 7), (warning.Path, warning.Line, warning.Column));
        Assert.Contains("is the same as '你能做什么' of topic 'about-bot'", warning.Text);
    }

    [Fact]
    public void An_out_of_scope_phrasing_that_is_also_a_topic_phrasing_is_a_warning_at_the_out_of_scope_file()
    {
        var original = _copy.LineOf(Travelers, "- tips for staying online on a trip to china");
        _copy.Replace("out-of-scope.yaml", "        - my vpn client wont connect\n",
            "        - my vpn client wont connect\n        - Tips for staying online on a trip to China\n");
        var added = _copy.LineOf("out-of-scope.yaml", "- Tips for staying online on a trip to China");

        var warning = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Warning);

        Assert.Equal($"knowledge/out-of-scope.yaml:{added}:11: warning: phrasing 'Tips for staying online on a trip to China' of out-of-scope group "
            + "'it-support' is the same as 'tips for staying online on a trip to china' of topic 'travelers' "
            + $"(knowledge/topics/travelers.yaml:{original}); the bot cannot tell the two apart: reword one or keep it in one place",
            warning.ToString());
    }

    [Fact]
    public void A_topic_past_its_review_by_date_is_a_warning_at_review_by()
    {
        _copy.Replace(Travelers, "review_by: 2027-05-29", "review_by: 2026-12-01");
        var line = _copy.LineOf(Travelers, "review_by:");

        var result = _copy.Load(new DateOnly(2026, 12, 15));

        Assert.NotNull(result.Content);
        var warning = Assert.Single(result.Messages, m => m.Severity == Severity.Warning);
        Assert.Equal($"knowledge/topics/travelers.yaml:{line}:12: warning: review was due on 2026-12-01; review the answer and move 'review_by' forward",
            warning.ToString());
    }

    [Fact]
    public void A_regulation_revised_after_a_topic_was_reviewed_warns_at_every_topic_citing_it()
    {
        _copy.Replace("regulations/cybersecurity-law.yaml", "revised: [2025-10-28]", "revised: [2025-10-28, 2027-01-15]");
        var citing = Directory.EnumerateFiles(_copy.FullPath("topics"))
            .Where(f => File.ReadAllText(f).Contains("regulation: cybersecurity-law\n", StringComparison.Ordinal))
            .Select(f => "topics/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(LogRetention, citing);

        var warnings = _copy.Load(new DateOnly(2027, 2, 1)).Messages.Where(m => m.Severity == Severity.Warning).ToList();

        Assert.Equal(citing.Select(KnowledgeCopy.Shown), warnings.Select(w => w.Path));
        var logRetention = Assert.Single(warnings, w => w.Path == "knowledge/topics/log-retention.yaml");
        Assert.Equal(_copy.LineOf(LogRetention, "last_reviewed:"), logRetention.Line);
        Assert.Equal("regulation 'cybersecurity-law' was revised on 2027-01-15, after this topic was last reviewed (2026-12-02); "
            + "check the answer still holds and update 'last_reviewed'", logRetention.Text);
    }

    [Fact]
    public void An_unverified_regulation_is_an_info_at_its_verification_key_and_still_loads()
    {
        _copy.Replace("regulations/telecom-regulations.yaml", "verification: verified", "verification: unverified");
        var line = _copy.LineOf("regulations/telecom-regulations.yaml", "verification: unverified");

        var result = _copy.Load();

        Assert.NotNull(result.Content);
        var info = Assert.Single(result.Messages, m => m.Path == "knowledge/regulations/telecom-regulations.yaml");
        Assert.Equal((line, 15, Severity.Info), (info.Line, info.Column, info.Severity));
        Assert.StartsWith("regulation 'telecom-regulations' is unverified: replies citing it tell readers to check with compliance", info.Text);
    }

    [Fact]
    public void A_related_topic_that_does_not_exist_is_an_error_with_a_suggestion()
    {
        _copy.Replace(Travelers, "related: [personal-lawful-uses,", "related: [personal-lawfull-uses,");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal(($"knowledge/topics/travelers.yaml", _copy.LineOf(Travelers, "related:"), 11), (error.Path, error.Line, error.Column));
        Assert.Equal("related topic 'personal-lawfull-uses' does not exist; did you mean 'personal-lawful-uses'?", error.Text);
    }

    [Fact]
    public void A_citation_of_an_article_the_regulation_does_not_list_is_an_error_at_the_article()
    {
        _copy.Replace(Travelers, "    articles: [\"21\"]", "    articles: [\"99\"]");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal(("knowledge/topics/travelers.yaml", _copy.LineOf(Travelers, "articles: [\"99\"]"), 16), (error.Path, error.Line, error.Column));
        Assert.StartsWith("article '99' is not listed in regulation 'interim-provisions-implementing-measures' (listed: ", error.Text);
    }

    [Fact]
    public void Two_files_with_the_same_topic_id_is_an_error_naming_the_other_file()
    {
        File.Copy(_copy.FullPath(Travelers), _copy.FullPath("topics/travelers.yml"));

        var errors = _copy.Load().Messages.Where(m => m.Severity == Severity.Error).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(("knowledge/topics/travelers.yml", _copy.LineOf(Travelers, "id: travelers")), (error.Path, error.Line));
        Assert.Equal("duplicate topic id 'travelers' (also in knowledge/topics/travelers.yaml)", error.Text);
    }

    [Fact]
    public void A_topic_copied_under_another_id_is_an_error_at_its_titles_so_no_two_buttons_read_the_same()
    {
        File.WriteAllText(_copy.FullPath("topics/travelers-copy.yaml"),
            File.ReadAllText(_copy.FullPath(Travelers)).Replace("id: travelers", "id: travelers-copy"));

        var errors = _copy.Load().Messages.Where(m => m.Severity == Severity.Error).ToList();

        Assert.Equal(2, errors.Count); // the English and the Chinese title
        Assert.All(errors, e => Assert.Equal("knowledge/topics/travelers.yaml", e.Path));
        Assert.Contains(errors, e => e.Text.StartsWith("title 'Travelling to mainland China' is also the title of topic 'travelers-copy' (knowledge/topics/travelers-copy.yaml)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_only_the_schema_forbids_is_an_error_at_the_value_naming_the_schema()
    {
        _copy.Replace("synonyms.yaml", "\n  - id: vpn\n", "\n  - id: VPN apps\n");
        var line = _copy.LineOf("synonyms.yaml", "- id: VPN apps");

        var result = _copy.Load();

        Assert.Null(result.Content); // the bot refuses what the schema refuses
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal(("knowledge/synonyms.yaml", line, 9), (error.Path, error.Line, error.Column));
        Assert.Equal("'groups[0].id' is 'VPN apps', which does not have the required form ^[a-z0-9]+(-[a-z0-9]+)*$ "
            + "(schema synonyms.schema.json)", error.Text);
    }

    [Fact]
    public void A_file_with_an_upper_case_id_is_never_suggested_as_it_is_written()
    {
        File.Move(_copy.FullPath(LogRetention), _copy.FullPath("topics/Log-Retention.yaml"));
        _copy.Replace("topics/Log-Retention.yaml", "id: log-retention", "id: Log-Retention");

        var errors = _copy.Load().Messages.Where(m => m.Severity == Severity.Error).Select(m => m.ToString()).ToList();

        Assert.Contains(errors, e => e.EndsWith("error: id 'Log-Retention' must be lowercase words joined by hyphens", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("error: related topic 'log-retention' does not exist", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("did you mean 'Log-Retention'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Log-Retention", "log-retention")]
    [InlineData("log-retension", "log-retention")]
    [InlineData("log-retention", null)]
    public void Did_you_mean_suggests_the_lower_case_form_and_never_the_word_itself(string written, string? expected) =>
        Assert.Equal(expected, YamlFileParser.DidYouMean(written, ["Log-Retention", "travelers"]));

    [Fact]
    public void A_missing_schema_file_is_an_error_so_editors_and_the_bot_do_not_silently_skip_it()
    {
        File.Delete(_copy.FullPath("schema/topic.schema.json"));

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal("knowledge/schema/topic.schema.json:0:0: error: schema file is missing; restore it from version control (editors and the validator need it)",
            error.ToString());
    }

    [Fact]
    public void Every_content_file_names_its_schema_for_the_editor()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Knowledge, "*.yaml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Knowledge, file).Replace('\\', '/');
            var expected = relative switch
            {
                "synonyms.yaml" => "schema/synonyms.schema.json",
                "out-of-scope.yaml" => "schema/out-of-scope.schema.json",
                _ when relative.StartsWith("topics/", StringComparison.Ordinal) => "../schema/topic.schema.json",
                _ when relative.StartsWith("regulations/", StringComparison.Ordinal) => "../schema/regulation.schema.json",
                _ => null,
            };
            if (expected is null)
            {
                continue;
            }

            Assert.Equal($"# yaml-language-server: $schema={expected}", File.ReadLines(file).First());
            Assert.True(File.Exists(Path.GetFullPath(expected, Path.GetDirectoryName(file)!)), $"{relative} names a schema that does not exist");
        }
    }
}
