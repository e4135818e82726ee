using ComplianceBot.Content;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Tests.Content;

/// <summary>What an operator reads in <c>/api/status</c>: the ids and hints that say what to fix, never a file's contents.</summary>
public sealed class StatusLineTests
{
    private static string Line(string text) =>
        StatusEndpoint.Line(new ValidationMessage("topics/x.yaml", 3, 5, Severity.Error, text));

    [Theory]
    [InlineData("cites unknown regulation 'public-security-administration-punishments-law'")]
    [InlineData("cites unknown regulation 'spc-spp-computer-system-interpretation-2011'")]
    [InlineData("YAML syntax: cannot read the value starting here; check for an unclosed '[', '{' or quote")]
    [InlineData("unknown key 'phrasings'")]
    public void Ids_keys_and_single_punctuation_marks_are_shown_as_written(string text)
    {
        Assert.Equal($"topics/x.yaml:3:5: error: {text}", Line(text));
    }

    [Theory]
    [InlineData("cannot read 'root:x:0:0:root:/root:/bin/bash'")]
    [InlineData("cannot read 'AKIAIOSFODNN7EXAMPLE/wJalrXUtnFEMI/K7MDENG'")]
    [InlineData("cannot read 'Password1!'")]
    [InlineData("cannot read 'a-very-long-slug-that-is-longer-than-any-id-of-the-content-could-ever-reasonably-be'")]
    public void Other_quoted_file_text_is_elided(string text)
    {
        var line = Line(text);

        Assert.EndsWith("cannot read '…'", line);
    }
}
