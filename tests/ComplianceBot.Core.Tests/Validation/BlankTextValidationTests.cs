using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Validation;

/// <summary>
/// A localized text written but left blank (<c>zh: ""</c>, <c>zh: " "</c>, <c>en: " "</c>) is an error at the value, in
/// every kind of content file: a blank Chinese answer would otherwise give Chinese questions an English answer under
/// Chinese labels.
/// </summary>
public sealed class BlankTextValidationTests : IDisposable
{
    private readonly string _knowledge = Repo.CopyContent();

    private string Root => Path.GetDirectoryName(_knowledge)!;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>
    /// Replaces <paramref name="old"/> (which must be there) in <paramref name="file"/> (relative to the copy's root, e.g.
    /// <c>dialogs/travel-check.yaml</c>) and returns the 1-based line of the first line <paramref name="isEdited"/> picks.
    /// </summary>
    private int Replace(string file, string old, string replacement, Func<string, bool>? isEdited = null)
    {
        var path = Path.Combine(Root, file);
        var text = File.ReadAllText(path);
        Assert.Contains(old, text);
        File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal));
        return isEdited is null ? 0 : Array.FindIndex(File.ReadAllLines(path), l => isEdited(l)) + 1;
    }

    [Theory]
    [InlineData("knowledge/topics/log-retention.yaml", "  zh: 备案与网络日志留存", "  zh: \"\"", "title.zh", "topic")]
    [InlineData("knowledge/topics/log-retention.yaml", "  zh: 备案与网络日志留存", "  zh: \" \"", "title.zh", "topic")]
    [InlineData("knowledge/topics/log-retention.yaml", "  en: Filing and network log retention", "  en: \"  \"", "title.en", "topic")]
    [InlineData("knowledge/topics/log-retention.yaml", "  zh: 备案与网络日志留存", "  zh: \"\u3000\"", "title.zh", "topic")]
    [InlineData("knowledge/regulations/cybersecurity-law.yaml", "  zh: 网络安全法", "  zh: ''", "short_name.zh", "regulation")]
    [InlineData("knowledge/out-of-scope.yaml", "      zh: >-\n        请说明", "      zh: \"\u3000\"\n        # 请说明", "groups[0].reply.zh", "out-of-scope")]
    [InlineData("dialogs/travel-check.yaml", "  zh: 去中国出行如何保持联网", "  zh: \" \"", "title.zh", "dialog")]
    public void A_blank_localized_text_is_an_error_at_its_value(string file, string old, string blank, string key, string schema)
    {
        var line = Replace(file, old, blank, l => l == blank.Split('\n')[0]);

        var result = ContentLoader.Load(_knowledge);

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal((file, line, blank.IndexOf(':', StringComparison.Ordinal) + 3), (error.Path, error.Line, error.Column));
        if (key.EndsWith(".zh", StringComparison.Ordinal))
        {
            Assert.Equal($"'{key}' is empty: write the Chinese text, or leave 'zh' out (English is then used) (schema {schema}.schema.json)", error.Text);
        }
        else
        {
            Assert.Equal("'en' under 'title' is empty; expected the English text", error.Text); // the loader's own check
        }
    }

    [Theory]
    [InlineData("knowledge/topics/log-retention.yaml", "    - log retention period for our cross border line", "    - \"\"", "phrasings.en[1]", "topic")]
    [InlineData("knowledge/topics/log-retention.yaml", "    - log retention period for our cross border line", "    - \"  \"", "phrasings.en[1]", "topic")]
    [InlineData("knowledge/out-of-scope.yaml", "        - how do i contact the compliance team", "        - \" \"", "groups[0].phrasings.en[1]", "out-of-scope")]
    [InlineData("dialogs/travel-check.yaml", "    - trip to china which way of connecting is allowed", "    - \"\"", "triggers.en[1]", "dialog")]
    [InlineData("dialogs/travel-check.yaml", "          en: [china, mainland]", "          en: [china, \" \"]", "slots[0].choices[0].answers.en[1]", "dialog")]
    [InlineData("dialogs/travel-check.yaml", "          en: [mainland china, to china,", "          en: [\"\", to china,", "slots[0].choices[0].synonyms.en[0]", "dialog")]
    [InlineData("knowledge/synonyms.yaml", "      zh: [快连, 商业VPN]", "      zh: [快连, \"\u3000\"]", "groups[1].terms.zh[1]", "synonyms")]
    public void A_blank_phrasing_trigger_synonym_or_answer_is_an_error_at_the_item(string file, string old, string blank, string key, string schema)
    {
        var line = Replace(file, old, blank, l => l.StartsWith(blank, StringComparison.Ordinal));

        var result = ContentLoader.Load(_knowledge);

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error && m.Text.Contains($"'{key}'", StringComparison.Ordinal));
        Assert.Equal((file, line), (error.Path, error.Line));
        Assert.Equal($"'{key}' is empty: write the text, or delete the line (schema {schema}.schema.json)", error.Text);
    }

    [Theory]
    [InlineData("knowledge/topics/log-retention.yaml", "  zh: 备案与网络日志留存", "  zh:", "title.zh")]
    [InlineData("dialogs/travel-check.yaml", "  zh: 去中国出行如何保持联网", "  zh:", "title.zh")]
    public void A_bare_zh_gets_plain_advice_not_the_schemas_wording(string file, string old, string bare, string key)
    {
        Replace(file, old, bare);

        var errors = ContentLoader.Load(_knowledge).Messages.Where(m => m.Severity == Severity.Error).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(file, error.Path);
        Assert.StartsWith($"'{key}' is empty: write the Chinese text, or remove the 'zh' line", error.Text);
        Assert.DoesNotContain("null", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_phrasing_item_gets_plain_advice()
    {
        Replace("knowledge/topics/log-retention.yaml", "    - log retention period for our cross border line", "    -");

        var error = Assert.Single(ContentLoader.Load(_knowledge).Messages, m => m.Severity == Severity.Error);

        Assert.Equal("'phrasings.en[1]' is empty: write the text, or delete the line (schema topic.schema.json)", error.Text);
    }

    [Fact]
    public void A_schema_error_in_a_dialog_is_reported_once_without_the_alternatives_of_conditions_that_hold()
    {
        Replace("dialogs/travel-check.yaml", "  zh: 去中国出行如何保持联网", "  zh: 123");

        var error = Assert.Single(ContentLoader.Load(_knowledge).Messages, m => m.Severity == Severity.Error);

        Assert.Equal("dialogs/travel-check.yaml", error.Path);
        Assert.StartsWith("'title.zh'", error.Text);
    }
}
