namespace ComplianceBot.Tests.Docs;

/// <summary>How the doc test compares printed output with the output a document shows.</summary>
public sealed class OutputMatchTests
{
    private static List<DocLine> Doc(params string[] lines) => lines.Select((l, i) => new DocLine(10 + i, l)).ToList();

    [Fact]
    public void The_same_lines_match_whatever_trailing_spaces_and_final_newlines()
    {
        Assert.Null(OutputMatch.Difference(Doc("OK: 0 errors", "done"), "OK: 0 errors  \r\ndone\n\n"));
    }

    [Fact]
    public void An_ellipsis_in_a_line_stands_for_any_text_and_a_line_of_it_for_any_lines()
    {
        var doc = Doc("Checked knowledge /tmp/kq and dialogs dialogs.", "…", "OK: 0 errors, … info (… topics; version …)");

        Assert.Null(OutputMatch.Difference(doc, "Checked knowledge /tmp/kq and dialogs dialogs.\nOK: 0 errors, 9 info (35 topics; version 0a18a481839f)"));
        Assert.Null(OutputMatch.Difference(doc, "Checked knowledge /tmp/kq and dialogs dialogs.\nx\ny\nOK: 0 errors, 9 info (35 topics; version 1)"));
    }

    [Fact]
    public void A_different_line_is_named_with_its_line_in_the_document_and_in_the_output()
    {
        var difference = OutputMatch.Difference(Doc("PASS paid VPN", "1 passed, 0 failed"), "PASS paid VPN\n0 passed, 1 failed");

        Assert.Equal("expected doc line 11: «1 passed, 0 failed»\n     got output line 2: «0 passed, 1 failed»", difference);
    }

    [Fact]
    public void Missing_and_extra_output_are_reported()
    {
        Assert.Equal("expected doc line 11: «b»\n     but the output ended after 1 lines", OutputMatch.Difference(Doc("a", "b"), "a"));
        Assert.Equal("the output goes on after the documented lines, from output line 2: «b»", OutputMatch.Difference(Doc("a"), "a\nb"));
    }
}
