using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// Anchors and aliases (<c>&amp;a</c>, <c>*a</c>) are refused before any YAML tree is built: a "billion laughs"
/// file of a few hundred bytes would otherwise expand to billions of nodes during validate or a hot reload.
/// </summary>
public sealed class YamlSafetyTests : IDisposable
{
    private const string AnchorError =
        "anchors and aliases (& and *) are not allowed in content files; write the value out (text that starts with & or * must be in quotes)";

    private readonly KnowledgeCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void A_billion_laughs_topic_file_is_refused_at_each_line_with_an_anchor_or_alias()
    {
        var lines = new List<string> { "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]" };
        foreach (var (name, previous) in "bcdefghi".Zip("abcdefgh"))
        {
            lines.Add($"{name}: &{name} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]");
        }

        File.WriteAllLines(_copy.FullPath("topics/bomb.yaml"), lines);

        var result = _copy.Load();

        Assert.Null(result.Content);
        var errors = result.Messages.Where(m => m.Severity == Severity.Error).ToList();
        Assert.Equal(Enumerable.Range(1, 9).Select(line => $"knowledge/topics/bomb.yaml:{line}:4: error: {AnchorError}"),
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_alias_reusing_a_value_in_a_topic_is_an_error_at_the_anchor_and_the_alias()
    {
        var line = _copy.LineOf("topics/travelers.yaml", "audience: [traveller]");
        _copy.Replace("topics/travelers.yaml", "audience: [traveller]", "audience: &who [traveller]\nrelated_audience: *who");

        var errors = _copy.Load().Messages.Where(m => m.Severity == Severity.Error).ToList();

        Assert.Equal([(line, 11), (line + 1, 19)], errors.Select(e => (e.Line, e.Column)));
        Assert.All(errors, e => Assert.Equal(AnchorError, e.Text));
    }
}
