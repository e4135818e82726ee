using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Validation;

/// <summary>
/// Broken copies of the real dialogs for the defects <see cref="Loading.DialogCheckerTests"/> does not cover, and the
/// validator's own checks on dialog files (schema, trigger collisions): exact path, line and message.
/// </summary>
public sealed class DialogValidationTests : IDisposable
{
    private readonly string _knowledge = Repo.CopyContent();

    private string Root => Path.GetDirectoryName(_knowledge)!;

    private string TravelCheck => Path.Combine(Root, "dialogs", "travel-check.yaml");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    [Fact]
    public void The_real_dialogs_validate_clean_against_the_schema_and_the_checks()
    {
        var result = ContentLoader.Load(Repo.Knowledge, dialogsDirectory: Repo.Dialogs);

        Assert.Equal(4, result.Content!.Dialogs.Count);
        Assert.Empty(result.Messages.Where(m => m.Path.StartsWith("dialogs/", StringComparison.Ordinal)).Select(m => m.ToString()));
    }

    [Fact]
    public void A_verdict_without_next_steps_is_an_error_at_its_rule()
    {
        var lines = File.ReadAllLines(TravelCheck).ToList();
        var rule = lines.FindIndex(l => l.Trim() == "- id: not-mainland");
        var start = lines.FindIndex(rule, l => l.Trim() == "next_steps:");
        var end = lines.FindIndex(start + 1, l => !l.StartsWith("      ", StringComparison.Ordinal));
        lines.RemoveRange(start, end - start);
        File.WriteAllLines(TravelCheck, lines);

        var result = ContentLoader.Load(_knowledge);

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal(("dialogs/travel-check.yaml", rule + 1, 5), (error.Path, error.Line, error.Column));
        Assert.Equal("missing required key 'en' under 'rules.0.next_steps': what the person should do next (a list)", error.Text);
    }

    [Fact]
    public void A_question_no_rule_reads_is_a_warning_at_its_slot()
    {
        var lines = File.ReadAllLines(TravelCheck).ToList();
        var rules = lines.IndexOf("rules:");
        lines.InsertRange(rules,
        [
            "  - id: luggage",
            "    label: {en: Luggage}",
            "    question: {en: Are you travelling with a laptop?}",
            "    why: {en: To know which devices you bring.}",
            "    choices:",
            "      - {value: laptop, label: {en: With a laptop}}",
            "      - {value: phone-only, label: {en: Phone only}}",
        ]);
        File.WriteAllLines(TravelCheck, lines);

        var result = ContentLoader.Load(_knowledge);

        Assert.NotNull(result.Content); // a warning: the content still loads
        var warning = Assert.Single(result.Messages, m => m.Severity == Severity.Warning);
        Assert.Equal("dialogs/travel-check.yaml:" + (rules + 1) + ":5: warning: slot 'luggage' is never asked: no rule looks at it", warning.ToString());
    }

    [Fact]
    public void A_trigger_that_is_also_a_topic_phrasing_is_a_warning_naming_both()
    {
        var topic = Path.Combine(_knowledge, "topics", "travelers.yaml");
        var topicLines = File.ReadAllLines(topic);
        var phrasingLine = Array.FindIndex(topicLines, Array.IndexOf(topicLines, "phrasings:"), l => l.StartsWith("    - ", StringComparison.Ordinal)) + 1;
        var phrasing = topicLines[phrasingLine - 1][6..];
        var text = File.ReadAllText(TravelCheck);
        File.WriteAllText(TravelCheck, text.Replace("triggers:\n  en:\n", $"triggers:\n  en:\n    - {phrasing}\n", StringComparison.Ordinal));
        var added = Array.FindIndex(File.ReadAllLines(TravelCheck), l => l == "    - " + phrasing) + 1;

        var warning = Assert.Single(ContentLoader.Load(_knowledge).Messages, m => m.Severity == Severity.Warning);

        Assert.Equal($"dialogs/travel-check.yaml:{added}:7: warning: phrasing '{phrasing}' of dialog 'travel-check' (trigger) is the same as "
            + $"'{phrasing}' of topic 'travelers' (knowledge/topics/travelers.yaml:{phrasingLine}); the bot cannot tell the two apart: "
            + "reword one or keep it in one place", warning.ToString());
    }

    [Fact]
    public void A_dialog_value_only_the_schema_forbids_is_an_error_naming_the_dialog_schema()
    {
        var text = File.ReadAllText(TravelCheck);
        File.WriteAllText(TravelCheck, text.Replace("\n  - id: not-mainland\n", "\n  - id: Not_Mainland\n", StringComparison.Ordinal));
        var line = Array.FindIndex(File.ReadAllLines(TravelCheck), l => l.Contains("id: Not_Mainland", StringComparison.Ordinal)) + 1;

        var errors = ContentLoader.Load(_knowledge).Messages.Where(m => m.Severity == Severity.Error).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(("dialogs/travel-check.yaml", line), (error.Path, error.Line));
        Assert.Contains("Not_Mainland", error.Text);
    }

    [Fact]
    public void A_missing_dialog_schema_file_is_an_error()
    {
        File.Delete(Path.Combine(Root, "dialogs", "schema", "dialog.schema.json"));

        var error = Assert.Single(ContentLoader.Load(_knowledge).Messages, m => m.Severity == Severity.Error);

        Assert.Equal("dialogs/schema/dialog.schema.json:0:0: error: schema file is missing; restore it from version control (editors and the validator need it)",
            error.ToString());
    }

    [Fact]
    public void Every_dialog_file_names_the_dialog_schema_for_the_editor()
    {
        var files = Directory.GetFiles(Repo.Dialogs, "*.yaml");
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal("# yaml-language-server: $schema=schema/dialog.schema.json", File.ReadLines(file).First()));
    }
}
