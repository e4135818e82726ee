using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Validation;

/// <summary>
/// The JSON Schema files own each file's shape: a rule written only there is enforced by the loader, worded for the
/// author in the schema's own words where it gives them, and a file is read only once it passes.
/// </summary>
public sealed class SchemaRulesTests : IDisposable
{
    private readonly string _knowledge = Repo.CopyContent();

    private string Root => Path.GetDirectoryName(_knowledge)!;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private (string Path, int Line) Replace(string file, string old, string replacement, string? lineOf = null)
    {
        var path = Path.Combine(Root, file);
        var text = File.ReadAllText(path);
        Assert.Contains(old, text);
        File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal));
        var marker = lineOf ?? replacement.Split('\n')[0];
        return (path, Array.FindIndex(File.ReadAllLines(path), l => l.Contains(marker, StringComparison.Ordinal)) + 1);
    }

    private ValidationMessage SingleError()
    {
        var result = ContentLoader.Load(_knowledge);
        Assert.Null(result.Content);
        return Assert.Single(result.Messages, m => m.Severity == Severity.Error);
    }

    [Fact]
    public void A_date_that_does_not_exist_is_an_error_in_the_schemas_words()
    {
        var (_, line) = Replace("knowledge/topics/travelers.yaml", "last_reviewed: 2026-11-29", "last_reviewed: 2026-02-30");

        var error = SingleError();

        Assert.Equal(("knowledge/topics/travelers.yaml", line), (error.Path, error.Line));
        Assert.Equal("last_reviewed '2026-02-30' is not a date; write YYYY-MM-DD, e.g. 2026-11-29", error.Text);
    }

    [Fact]
    public void A_value_outside_the_allowed_ones_names_them()
    {
        var (_, line) = Replace("knowledge/topics/travelers.yaml", "audience: [", "audience: [tourist, ");

        var error = SingleError();

        Assert.Equal(line, error.Line);
        Assert.Equal("unknown audience 'tourist'; use one of individual, enterprise, traveller, traveler", error.Text);
    }

    [Fact]
    public void A_rule_with_two_conditions_is_one_error_at_the_rule()
    {
        var (_, line) = Replace("dialogs/travel-check.yaml", "  - id: not-mainland\n", "  - id: not-mainland\n    otherwise: true\n", "- id: not-mainland");

        var error = SingleError();

        Assert.Equal(("dialogs/travel-check.yaml", line), (error.Path, error.Line));
        Assert.Equal("a rule needs exactly one condition: 'when:' (all must hold), 'when_any:' (a list; one must hold) or 'otherwise: true'", error.Text);
    }

    [Fact]
    public void A_condition_value_that_is_no_value_id_is_one_error_at_it()
    {
        var (_, line) = Replace("dialogs/travel-check.yaml", "      destination: [hong-kong-macau, elsewhere]", "      destination: []");

        var error = SingleError();

        Assert.Equal(line, error.Line);
        Assert.Equal("a condition gives each slot one value id or a list of value ids", error.Text);
    }

    [Fact]
    public void A_synonym_group_without_terms_is_an_error()
    {
        var path = Path.Combine(_knowledge, "synonyms.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var terms = lines.FindIndex(l => l.Trim() == "terms:");
        var next = lines.FindIndex(terms + 1, l => l.StartsWith("  - id:", StringComparison.Ordinal));
        lines.RemoveRange(terms + 1, next - terms - 1);
        lines.Insert(terms + 1, "      en: []");
        File.WriteAllLines(path, lines);

        var error = SingleError();

        Assert.Equal(("knowledge/synonyms.yaml", terms + 2), (error.Path, error.Line)); // at the terms written
        Assert.Equal("a synonym group needs at least one term, in en or zh", error.Text);
    }

    [Fact]
    public void A_rule_added_only_to_the_schema_file_is_enforced_at_the_value_naming_the_schema()
    {
        var most = Directory.GetFiles(Path.Combine(_knowledge, "topics")).Max(f => File.ReadLines(f).Where(l => l.StartsWith("related: [", StringComparison.Ordinal))
            .Select(l => l.Split(',').Length).DefaultIfEmpty(0).Max());
        Replace("knowledge/schema/topic.schema.json", "\"description\": \"Ids of related topics, offered as buttons after the answer.\",",
            $"\"description\": \"Ids of related topics, offered as buttons after the answer.\", \"maxItems\": {most},");
        var (_, line) = Replace("knowledge/topics/travelers.yaml", "related: [", "related: [" + string.Concat(Enumerable.Repeat("log-retention, ", most)), "related: [");

        var error = SingleError();

        Assert.Equal(("knowledge/topics/travelers.yaml", line), (error.Path, error.Line));
        Assert.Equal($"'related' has {most + 3} items; at most {most} are allowed (schema topic.schema.json)", error.Text);
    }

    [Fact]
    public void A_key_the_schema_allows_but_the_bot_does_not_read_is_an_error_not_dropped()
    {
        Replace("knowledge/schema/topic.schema.json", "\"featured\": {", "\"owner\": { \"type\": \"string\" },\n    \"featured\": {", "\"owner\"");
        var (_, line) = Replace("knowledge/topics/travelers.yaml", "version: ", "owner: compliance team\nversion: ", "owner:");

        var error = SingleError();

        Assert.Equal(("knowledge/topics/travelers.yaml", line), (error.Path, error.Line));
        Assert.StartsWith("the bot cannot read this value although the schema allows it", error.Text);
    }
}
