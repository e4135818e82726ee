namespace ComplianceBot.Tests.Docs;

/// <summary>How the doc test reads commands, their shown output and files to write from a document's blocks.</summary>
public sealed class DocStepsTests
{
    [Fact]
    public void A_console_block_gives_each_command_with_the_output_below_it_and_an_sh_block_commands_alone()
    {
        const string markdown = """
            Text.

            ```console
            $ dotnet run --project src/ComplianceBot -- validate \
                --no-info
            OK: 0 errors
            $ cp -r knowledge /tmp/kq
            ```

            ```sh
            # a comment
            dotnet run --project src/ComplianceBot -- chat   # talk
            ```
            """;

        var steps = DocSteps.Of(MarkdownBlocks.Read("x.md", markdown)).Cast<CommandStep>().ToList();

        Assert.Equal(["dotnet run --project src/ComplianceBot -- validate  --no-info", "cp -r knowledge /tmp/kq", "dotnet run --project src/ComplianceBot -- chat   # talk"],
            steps.Select(s => s.Command));
        Assert.Equal([4, 7, 12], steps.Select(s => s.Line));
        Assert.Equal(["OK: 0 errors"], steps[0].Expected!.Select(l => l.Text));
        Assert.Null(steps[1].Expected);
        Assert.Equal(["dotnet", "run", "--project", "src/ComplianceBot", "--", "chat"], ShellWords.Split(steps[2].Command).Words);
    }

    [Fact]
    public void A_block_marked_as_a_file_is_written_and_a_command_in_a_text_block_is_refused()
    {
        const string markdown = """
            <!-- doc-test: file /tmp/kq/topics/x.yaml -->
            ```yaml
            id: x
            ```

            ```text
            $ dotnet run --project src/ComplianceBot -- validate
            ```
            """;

        var error = Assert.Throws<FormatException>(() => DocSteps.Of(MarkdownBlocks.Read("x.md", markdown)));
        Assert.StartsWith("x.md, block at line 6: line 7 shows a command in a 'text' block, where it is not tested.", error.Message);

        var file = Assert.IsType<FileStep>(Assert.Single(DocSteps.Of(MarkdownBlocks.Read("x.md", markdown.Split("```text")[0]))));
        Assert.Equal(("/tmp/kq/topics/x.yaml", "id: x\n"), (file.Path, file.Content));
    }

    [Fact]
    public void Shell_words_keep_quoted_text_together_and_report_operators()
    {
        var (words, op) = ShellWords.Split("ask \"can i use a \\\"vpn\\\"\" --json # comment");
        Assert.Equal(["ask", "can i use a \"vpn\"", "--json"], words);
        Assert.Null(op);

        (words, op) = ShellWords.Split("a 'b c' | grep x");
        Assert.Equal(["a", "b c", "|", "grep", "x"], words);
        Assert.Equal('|', op);
    }
}
