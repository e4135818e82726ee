using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// The YAML mistakes compliance authors really make, each reported at its line and column in plain words with the
/// fix, never in parser terms ("block mapping", "scalar", "token").
/// </summary>
public sealed class YamlSyntaxAdviceTests : IDisposable
{
    private const string Travelers = "topics/travelers.yaml";
    private readonly KnowledgeCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void A_tab_indenting_a_topic_key_is_reported_at_the_tab_not_at_the_top_of_the_file()
    {
        var line = _copy.LineOf(Travelers, "  en: Travelling to mainland China");
        _copy.Replace(Travelers, "  en: Travelling to mainland China", "\ten: Travelling to mainland China");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal($"knowledge/topics/travelers.yaml:{line}:1: error: YAML syntax: tabs are not allowed for indentation in YAML; use spaces",
            error.ToString());
    }

    [Fact]
    public void A_tab_before_a_list_item_is_reported_at_the_tab()
    {
        var phrasings = _copy.LineOf(Travelers, "phrasings:");
        var line = _copy.LineOf(Travelers, "    - ", after: phrasings);
        var item = File.ReadAllLines(_copy.FullPath(Travelers))[line - 1];
        _copy.Replace(Travelers, item + "\n", "  \t" + item.TrimStart() + "\n");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal((line, 3, "YAML syntax: tabs are not allowed for indentation in YAML; use spaces"), (error.Line, error.Column, error.Text));
    }

    [Fact]
    public void A_list_item_indented_deeper_than_the_one_above_is_an_error_at_that_item_not_a_silently_longer_phrasing()
    {
        // YAML would read "- travelling to china..." as more words of the phrasing above it and every later item of the
        // list would vanish into that one phrasing.
        var first = _copy.LineOf(Travelers, "    - going to shanghai next week how do i stay connected");
        _copy.Replace(Travelers, "    - travelling to china, can i bring my vpn", "      - travelling to china, can i bring my vpn");

        var result = _copy.Load();

        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal($"knowledge/topics/travelers.yaml:{first + 1}:7: error: this '- ' item is indented deeper than the line above it, "
            + $"so YAML reads it as more text of the value on line {first} and the items after it are lost; put every '- ' of a "
            + "list at the same indentation", error.ToString());
        Assert.Null(result.Content); // refused: the host keeps serving the last good content
    }

    [Fact]
    public void A_list_started_at_the_keys_indentation_is_still_read_as_a_list()
    {
        // "en:" followed by "  - item" at the same indentation as the key is valid YAML for a list: not an error.
        var en = _copy.LineOf(Travelers, "  en:", after: _copy.LineOf(Travelers, "phrasings:"));
        _copy.Edit(Travelers, text =>
        {
            var lines = text.Split('\n');
            for (var i = en; i < lines.Length && lines[i].StartsWith("    - ", StringComparison.Ordinal); i++)
            {
                lines[i] = lines[i][2..];
            }

            return string.Join('\n', lines);
        });

        Assert.DoesNotContain(_copy.Load().Messages, m => m.Severity == Severity.Error);
    }

    [Fact]
    public void A_tab_in_a_dialog_file_gets_the_same_advice_at_the_tab()
    {
        var knowledge = Repo.CopyContent();
        try
        {
            var dialog = Path.Combine(Path.GetDirectoryName(knowledge)!, "dialogs", "travel-check.yaml");
            var lines = File.ReadAllLines(dialog);
            var index = Array.FindIndex(lines, l => l == "    verdict: not-permitted");
            lines[index] = "\tverdict: not-permitted";
            File.WriteAllLines(dialog, lines);

            var error = Assert.Single(ContentLoader.Load(knowledge).Messages, m => m.Severity == Severity.Error);

            Assert.Equal($"dialogs/travel-check.yaml:{index + 1}:1: error: YAML syntax: tabs are not allowed for indentation in YAML; use spaces", error.ToString());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(knowledge)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("  en: Travelling to mainland China", "    en: Travelling to mainland China", 1, 3,
        "this line's indentation (2 spaces) does not line up with the keys it belongs with; keys of one block must start in the same column")]
    [InlineData("  en: Travelling to mainland China", "  en: Travelling: to mainland China", 0, 17,
        "this line contains ': ' twice, and YAML reads the second one as a key inside the value; put the value in quotes")]
    [InlineData("audience: [traveller]", "audience: - traveller", 0, 11,
        "a list item ('- ') cannot start on the same line as its key; put each item on its own line below the key, indented, or write the list as [a, b]")]
    [InlineData("audience: [traveller]", "audience: [traveller]]", 0, 22,
        "there is more after the closing ']'; remove it, or put the whole value in quotes")]
    [InlineData("audience: [traveller]", "audience: 'it's'", 0, 15,
        "the text goes on after its closing quote; quote the whole value (inside single quotes write an apostrophe as '', inside double quotes write \\\" for a quote)")]
    [InlineData("audience: [traveller]", "audience: \"traveller", 0, 11,
        "the quote (\") opened here is not closed; end the text with the same quote on this line")]
    [InlineData("audience: [traveller]", "audience: @traveller", 0, 11,
        "a value cannot start with '@' in YAML; put the whole value in quotes (\"@...\")")]
    [InlineData("id: travelers", "id:travelers", 1, 8,
        "the line above ('id:travelers') has no space after ':', so YAML does not read it as 'key: value'; add the space")]
    public void A_common_syntax_mistake_is_explained_in_plain_words_at_its_position(string line, string broken, int errorLineOffset, int column, string advice)
    {
        var at = _copy.LineOf(Travelers, line);
        _copy.Replace(Travelers, line + "\n", broken + "\n");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal((at + errorLineOffset, column), (error.Line, error.Column));
        Assert.StartsWith("YAML syntax: " + advice, error.Text);
        Assert.DoesNotMatch("block mapping|scalar|token|document end", error.Text);
    }

    [Fact]
    public void A_phrasing_containing_colon_space_is_explained_instead_of_a_type_error()
    {
        var phrasings = _copy.LineOf(Travelers, "phrasings:");
        var line = _copy.LineOf(Travelers, "    - ", after: phrasings);
        var item = File.ReadAllLines(_copy.FullPath(Travelers))[line - 1];
        _copy.Replace(Travelers, item + "\n", "    - question: " + item.TrimStart()[2..] + "\n");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal($"knowledge/topics/travelers.yaml:{line}:7: error: this line contains ': ', which YAML reads as a key; put the text in quotes",
            error.ToString());
    }
}
