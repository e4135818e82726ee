using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>Mistakes in dialog files are reported at file, line and column, and the content is refused.</summary>
public sealed class DialogCheckerTests : IDisposable
{
    private readonly string _knowledge = Repo.CopyContent();

    private string Root => Path.GetDirectoryName(_knowledge)!;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    [Fact]
    public void The_real_dialogs_load_without_errors_or_warnings()
    {
        var result = ContentLoader.Load(Repo.Knowledge);

        Assert.DoesNotContain(result.Messages, m => m.Path.StartsWith("dialogs/", StringComparison.Ordinal) && m.Severity != Severity.Info);
        Assert.Equal(["client-access-check", "overseas-branch-onboarding", "personal-vpn-check", "travel-check"],
            result.Content!.Dialogs.Select(d => d.Id));
    }

    [Fact]
    public void A_rule_naming_an_unknown_slot_is_an_error_with_a_suggestion()
    {
        var path = Edit("client-access-check", "      charging: \"yes\"", "      charing: \"yes\"");

        var error = SingleError();

        Assert.Equal(("dialogs/client-access-check.yaml", LineOf(path, "charing:"), 7), (error.Path, error.Line, error.Column));
        Assert.Equal("unknown slot 'charing' in rule condition; did you mean 'charging'?", error.Text);
    }

    [Fact]
    public void A_rule_naming_an_unknown_value_is_an_error_at_that_value()
    {
        var path = Edit("travel-check", "      destination: [hong-kong-macau, elsewhere]", "      destination: [hong-kong, elsewhere]");

        var error = SingleError();

        Assert.Equal(LineOf(path, "destination: [hong-kong, elsewhere]"), error.Line);
        Assert.Equal("'hong-kong' is not a choice of slot 'destination'; did you mean 'hong-kong-macau'?", error.Text);
    }

    [Fact]
    public void A_verdict_without_citations_is_an_error()
    {
        var path = Path.Combine(Root, "dialogs", "travel-check.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.Contains("id: not-mainland", StringComparison.Ordinal));
        var citations = lines.FindIndex(start, l => l.Trim() == "citations:");
        var nextKey = lines.FindIndex(citations, l => l.Trim() == "next_steps:");
        lines.RemoveRange(citations, nextKey - citations); // citations: and its list
        File.WriteAllLines(path, lines);

        var error = SingleError();

        Assert.Equal("dialogs/travel-check.yaml", error.Path);
        Assert.StartsWith("missing required key 'citations' under 'rules.0'", error.Text);
    }

    [Fact]
    public void A_citation_of_a_missing_article_lists_the_articles_there_are()
    {
        var path = Edit("client-access-check", "articles: [\"58\", \"7\", \"69\"]", "articles: [\"58\", \"7\", \"96\"]");

        var error = SingleError();

        Assert.Equal(LineOf(path, "\"96\""), error.Line);
        Assert.StartsWith("article '96' is not listed in regulation 'telecom-regulations' (listed: 3, 7, 8, 9, 56, 58", error.Text);
    }

    [Fact]
    public void A_citation_of_a_missing_regulation_or_topic_is_an_error()
    {
        Edit("personal-vpn-check", "regulation: telecom-regulations", "regulation: telecoms-regulations");
        Edit("overseas-branch-onboarding", "related: [corporate-compliant-paths, corporate-application-process]", "related: [corporate-compliant-path, corporate-application-process]");

        var errors = ContentLoader.Load(_knowledge).Messages.Where(m => m.Severity == Severity.Error).Select(m => m.Text).ToList();

        Assert.Contains("regulation 'telecoms-regulations' does not exist in knowledge/regulations/; did you mean 'telecom-regulations'?", errors);
        Assert.Contains("related topic 'corporate-compliant-path' does not exist in knowledge/topics/; did you mean 'corporate-compliant-paths'?", errors);
    }

    [Fact]
    public void A_topic_offering_a_dialog_that_does_not_exist_is_an_error_in_the_topic()
    {
        var topic = Path.Combine(_knowledge, "topics", "travelers.yaml");
        File.WriteAllText(topic, File.ReadAllText(topic).Replace("offers: [dialog:travel-check]", "offers: [dialog:travel-chek]"));

        var error = SingleError();

        Assert.Equal(("knowledge/topics/travelers.yaml", LineOf(topic, "offers:")), (error.Path, error.Line));
        Assert.Equal("offer 'dialog:travel-chek' names no dialog in dialogs/; did you mean 'dialog:travel-check'?", error.Text);
    }

    [Fact]
    public void A_combination_of_answers_that_no_rule_decides_is_an_error()
    {
        var path = Path.Combine(Root, "dialogs", "client-access-check.yaml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("  - id: employee-out-of-scope", StringComparison.Ordinal);
        File.WriteAllText(path, text[..start]);

        var error = SingleError();

        Assert.Equal("dialogs/client-access-check.yaml", error.Path);
        Assert.Equal("no rule decides 1 combination(s) of answers, e.g. recipient=employee, charging=no, in-scope=no: "
                     + "add a rule for them or end with an 'otherwise: true' rule", error.Text);
    }

    [Fact]
    public void A_rule_after_the_otherwise_rule_is_an_error()
    {
        var path = Path.Combine(Root, "dialogs", "overseas-branch-onboarding.yaml");
        File.AppendAllLines(path,
        [
            "  - id: late-rule",
            "    when:",
            "      entity: own-branch",
            "    verdict: permitted",
            "    headline: {en: Too late.}",
            "    explanation: {en: Never reached.}",
            "    citations: [{regulation: cybersecurity-law, articles: [\"23\"]}]",
            "    next_steps: {en: [Nothing.]}",
        ]);

        var error = SingleError();

        Assert.Equal(LineOf(path, "- id: late-rule"), error.Line);
        Assert.Equal("this rule can never decide: it comes after the 'otherwise' rule 'onboarding-allowed'; move it above, or remove it", error.Text);
    }

    [Fact]
    public void A_rule_that_earlier_rules_always_pre_empt_is_a_warning()
    {
        var path = Edit("overseas-branch-onboarding", "      controls: \"no\"\n", "      controls: \"no\"\n      channel: none\n");
        // Without the decision-table rows: they would (rightly) refuse this edit too; this test is about the table alone.
        Directory.Delete(Path.Combine(Root, "dialogs", "tests"), recursive: true);

        var result = ContentLoader.Load(_knowledge);

        Assert.NotNull(result.Content); // a warning does not stop the content
        var warning = Assert.Single(result.Messages, m => m.Severity == Severity.Warning);
        Assert.Equal(LineOf(path, "- id: controls-missing"), warning.Line);
        Assert.Equal("rule 'controls-missing' never decides: the rules above it already decide every case it covers", warning.Text);
    }

    [Fact]
    public void A_broken_dialog_keeps_the_content_from_loading()
    {
        Edit("travel-check", "verdict: permitted", "verdict: allowed");

        var result = ContentLoader.Load(_knowledge);

        Assert.Null(result.Content);
        Assert.Contains(result.Messages, m => m.Text == "unknown verdict 'allowed'; use one of permitted, conditional, not-permitted, needs-review");
    }

    private string Edit(string dialog, string from, string to)
    {
        var path = Path.Combine(Root, "dialogs", dialog + ".yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        return path;
    }

    private ValidationMessage SingleError() =>
        Assert.Single(ContentLoader.Load(_knowledge).Messages, m => m.Severity == Severity.Error);

    private static int LineOf(string path, string fragment) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(fragment, StringComparison.Ordinal)) + 1;
}
