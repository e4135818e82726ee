using System.CommandLine;
using ComplianceBot.Cli;
using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Cli;

/// <summary>The compliance team's commands: validate, impact and test, as they print and exit.</summary>
public sealed class AuthoringCommandsTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Validate_on_the_real_content_exits_zero_and_prints_a_summary()
    {
        var (exitCode, output) = await RunAsync("validate", "--no-info");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("OK: 0 errors, 0 warnings", output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Validate_prints_each_problem_as_path_line_column_and_exits_one_on_errors()
    {
        var path = _content.PathOf("topics/travelers.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var index = lines.FindIndex(l => l.StartsWith("version:", StringComparison.Ordinal));
        lines[index] = "verison: 1";
        File.WriteAllLines(path, lines);

        var (exitCode, output) = await RunAsync("validate", "--knowledge", _content.KnowledgePath, "--no-info");

        Assert.Equal(ValidateCommand.ErrorsExitCode, exitCode);
        var printed = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{path}:{index + 1}:1: error: unknown key 'verison'; did you mean 'version'?", printed[0]); // outside the current folder: absolute
        Assert.StartsWith("FAILED: 1 error, 0 warnings", printed[^1]);
    }

    [Fact]
    public async Task Validate_of_a_knowledge_copy_alone_checks_it_with_the_projects_dialogs_and_says_so()
    {
        var copy = Path.Combine(_content.Root, "elsewhere", "kq");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        Directory.Move(_content.KnowledgePath, copy); // no dialogs folder next to it

        var (exitCode, output) = await RunAsync("validate", "--knowledge", copy, "--no-info");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Checked knowledge {ShownPath.Of(copy)} and dialogs {ShownPath.Of(Path.Combine(Repo.Root, "dialogs"))}.", lines[^2]);
        Assert.StartsWith("OK: 0 errors", lines[^1]);
    }

    [Fact]
    public async Task Validate_of_a_dialogs_copy_alone_checks_it_with_the_projects_knowledge()
    {
        var (exitCode, output) = await RunAsync("validate", "--dialogs", _content.DialogsPath, "--no-info");

        Assert.Equal(0, exitCode);
        Assert.Contains($"Checked knowledge {ShownPath.Of(Path.Combine(Repo.Root, "knowledge"))} and dialogs {ShownPath.Of(_content.DialogsPath)}.", output);
    }

    [Fact]
    public async Task Validate_of_a_copy_outside_the_current_folder_prints_absolute_paths_and_names_the_folder_checked()
    {
        var copy = Path.Combine(_content.Root, "k");
        Directory.Move(_content.KnowledgePath, copy);
        var topic = Path.Combine(copy, "topics", "personal-paid-vpn.yaml");
        File.WriteAllText(topic, File.ReadAllText(topic).Replace("- regulation: interim-provisions-international-networking", "- regulation: interim-provisions-internationl-networking"));
        var line = Array.FindIndex(File.ReadAllLines(topic), l => l.Contains("internationl", StringComparison.Ordinal)) + 1;

        var (outsideExit, outside) = await RunAsync("validate", "--knowledge", copy, "--no-info");

        Assert.Equal(ValidateCommand.ErrorsExitCode, outsideExit);
        var message = $":{line}:17: error: regulation 'interim-provisions-internationl-networking' does not exist in k/regulations/; "
            + "did you mean 'interim-provisions-international-networking'?";
        Assert.Contains(topic.Replace('\\', '/') + message, outside);
        Assert.DoesNotContain("knowledge/", outside);
    }

    [Fact]
    public void A_path_under_the_current_folder_is_shown_relative_to_it_and_any_other_path_absolute()
    {
        var here = Path.Combine(_content.Root, "repo");
        var inside = Path.Combine(here, "k", "topics", "x.yaml");
        var outside = Path.Combine(_content.Root, "elsewhere", "x.yaml");
        var message = new ComplianceBot.Core.Validation.ValidationMessage("k/topics/x.yaml", 3, 1, ComplianceBot.Core.Validation.Severity.Error, "e");

        Assert.Equal("k/topics/x.yaml", ShownPath.Of(inside, here));
        Assert.Equal(outside.Replace('\\', '/'), ShownPath.Of(outside, here));
        Assert.Equal("k/topics/x.yaml:3:1: error: e", ShownPath.Of(message, Path.Combine(here, "k"), Path.Combine(here, "dialogs"), here).ToString());
        Assert.Equal(inside.Replace('\\', '/') + ":3:1: error: e",
            ShownPath.Of(message, Path.Combine(here, "k"), Path.Combine(here, "dialogs"), _content.PathOf("topics")).ToString());
    }

    [Fact]
    public async Task Validate_with_warnings_as_errors_fails_on_a_warning_that_otherwise_passes()
    {
        var path = _content.PathOf("topics/travelers.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("title:\n  en: Travelling to mainland China", "title:\n  en: Travelling to mainland China for work or for a holiday"));

        var (plainExit, plain) = await RunAsync("validate", "--knowledge", _content.KnowledgePath);
        var (strictExit, _) = await RunAsync("validate", "--knowledge", _content.KnowledgePath, "--warnings-as-errors");

        Assert.Equal(0, plainExit);
        Assert.Contains("knowledge/topics/travelers.yaml:", plain);
        Assert.Contains(": warning: title is 54 characters; keep it under 40 so it fits on a button", plain);
        Assert.Equal(ValidateCommand.ErrorsExitCode, strictExit);
    }

    [Fact]
    public async Task Validate_of_a_missing_folder_says_so()
    {
        var (exitCode, output) = await RunAsync("validate", "--knowledge", Path.Combine(_content.Root, "nope"));

        Assert.Equal(ValidateCommand.MissingFolderExitCode, exitCode);
        Assert.Contains("knowledge folder not found", output);
    }

    [Fact]
    public async Task Impact_lists_every_topic_citing_the_regulation_with_file_line_and_articles()
    {
        var expected = Directory.GetFiles(_content.PathOf("topics"), "*.yaml")
            .Select(f => (File: f, Line: Array.FindIndex(File.ReadAllLines(f), l => l.Trim() == "- regulation: cybersecurity-law") + 1))
            .Where(x => x.Line > 0)
            .OrderBy(x => x.File, StringComparer.Ordinal)
            .Select(x => $"{x.File}:{x.Line}: {Path.GetFileNameWithoutExtension(x.File)} (Art. ") // a copy outside the current folder: absolute
            .ToList();
        Assert.NotEmpty(expected);

        var (exitCode, output) = await RunAsync("impact", "cybersecurity-law", "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, exitCode);
        var listed = output.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith(_content.PathOf("topics"), StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, listed.Count);
        Assert.All(expected.Zip(listed), pair => Assert.StartsWith(pair.First, pair.Second));
        Assert.Contains($"FAQ answers citing it: {expected.Count}", output);
    }

    [Fact]
    public async Task Impact_without_a_regulation_id_lists_the_ids_with_their_names()
    {
        var ids = Directory.GetFiles(_content.PathOf("regulations"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        var (exitCode, output) = await RunAsync("impact", "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Which regulation? Give its id: impact <regulation-id> [--article N]. The regulations:", lines[0]);
        Assert.Equal(ids, lines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.Contains(lines, l => l.StartsWith("cybersecurity-law ", StringComparison.Ordinal) && l.Contains("Cybersecurity Law (verified;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Impact_of_an_unknown_regulation_suggests_the_closest_id()
    {
        var (exitCode, output) = await RunAsync("impact", "cybersecurty-law", "--knowledge", _content.KnowledgePath);

        Assert.Equal(ImpactCommand.UnknownExitCode, exitCode);
        Assert.Equal("error: unknown regulation 'cybersecurty-law'; did you mean 'cybersecurity-law'?", output.Trim());
    }

    [Fact]
    public async Task Impact_of_a_former_article_number_says_it_was_renumbered_and_shows_todays_article()
    {
        var (exitCode, output) = await RunAsync("impact", "cybersecurity-law", "--article", "21", "--knowledge", _content.KnowledgePath);
        var (_, direct) = await RunAsync("impact", "cybersecurity-law", "--article", "23", "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Art. 21 is the 2016 numbering; it is now Art. 23.", lines[1]);
        Assert.Equal(direct.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), lines.Where((_, i) => i != 1));
        Assert.Contains("FAQ answers citing Art. 23 (or the whole instrument):", output);
    }

    [Fact]
    public async Task Impact_of_an_article_the_regulation_does_not_list_says_which_it_lists()
    {
        var (exitCode, output) = await RunAsync("impact", "cybersecurity-law", "--article", "999", "--knowledge", _content.KnowledgePath);

        Assert.Equal(ImpactCommand.UnknownExitCode, exitCode);
        Assert.StartsWith("error: regulation 'cybersecurity-law' lists no article '999' (listed: ", output.Trim());
    }

    [Fact]
    public async Task Impact_lists_the_dialog_verdicts_citing_the_regulation_with_the_rule_line()
    {
        var dialog = Path.Combine(_content.DialogsPath, "personal-vpn-check.yaml");
        var line = Array.FindIndex(File.ReadAllLines(dialog), l => l.Trim() == "- id: unlicensed-or-self-built") + 1;
        Assert.True(line > 0);

        var (exitCode, output) = await RunAsync("impact", "interim-provisions-international-networking", "--article", "14", "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, exitCode);
        Assert.Contains($"dialogs/personal-vpn-check.yaml:{line}: personal-vpn-check rule 'unlicensed-or-self-built' -> not-permitted (Art. 6, 14, 15)", output);
        Assert.Matches(@"Dialog verdicts citing Art\. 14 \(or the whole instrument\): [1-9]", output);
    }

    [Fact]
    public async Task Test_runs_the_teams_shipped_scripts_and_the_decision_table_scripts_and_they_pass()
    {
        var (exitCode, output) = await RunAsync("test", "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, exitCode);
        var scripts = new[] { Path.Combine(_content.KnowledgePath, "tests"), Path.Combine(_content.DialogsPath, "tests") }
            .SelectMany(folder => Directory.GetFiles(folder, "*.yaml"))
            .Sum(f => File.ReadLines(f).Count(l => l.StartsWith("  - name: ", StringComparison.Ordinal)));
        Assert.True(scripts >= 50);
        Assert.Contains("PASS row 3 roaming (buttons)", output); // dialogs/tests/travel-check.yaml
        Assert.StartsWith($"{scripts} passed, 0 failed", output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task A_changed_contract_rule_fails_validate_and_test_at_the_rule_naming_the_row_it_breaks()
    {
        var dialog = Path.Combine(_content.DialogsPath, "travel-check.yaml");
        var text = await File.ReadAllTextAsync(dialog);
        const string Rule = "  - id: unlicensed-vpn\n    when:\n      method: unlicensed-vpn\n";
        Assert.Contains(Rule, text);
        await File.WriteAllTextAsync(dialog, text.Replace(Rule, "  - id: unlicensed-vpn\n    when:\n      destination: mainland-china\n"));

        var (validateExit, validateOutput) = await RunAsync("validate", "--knowledge", _content.KnowledgePath, "--no-info");
        var (testExit, testOutput) = await RunAsync("test", "--knowledge", _content.KnowledgePath);

        // The table is still complete; only its rows in dialogs/tests (the contract) say the rule is wrong.
        Assert.Equal(ValidateCommand.ErrorsExitCode, validateExit);
        Assert.Contains("travel-check.yaml:", validateOutput);
        Assert.Contains("error: rule 'unlicensed-vpn' decides {destination: mainland-china, method: roaming} as 'not-permitted', "
            + "but the decision-table row at dialogs/tests/travel-check.yaml:", validateOutput);
        Assert.Contains("(\"row 3 roaming (buttons)\") expects 'permitted'", validateOutput);
        Assert.NotEqual(0, testExit);
        Assert.Contains("error: rule 'unlicensed-vpn' decides", testOutput);
    }

    [Fact]
    public async Task Test_with_a_name_that_matches_no_script_fails_instead_of_passing_nothing()
    {
        var (exitCode, output) = await RunAsync("test", "--knowledge", _content.KnowledgePath, "--name", "nomatch");

        Assert.Equal(TestCommand.NothingToRunExitCode, exitCode);
        Assert.StartsWith("error: no script matched --name 'nomatch' (", output.Trim());
        Assert.DoesNotContain("0 passed", output);
    }

    [Fact]
    public async Task Test_of_a_script_file_that_does_not_exist_says_file_not_found()
    {
        var (exitCode, output) = await RunAsync("test", "nosuchfile.yaml", "--knowledge", _content.KnowledgePath);

        Assert.Equal(TestCommand.NothingToRunExitCode, exitCode);
        Assert.Equal("error: file not found: nosuchfile.yaml", output.Trim());
    }

    [Fact]
    public async Task Validate_of_a_missing_dialogs_folder_fails_instead_of_checking_zero_dialogs()
    {
        var missing = Path.Combine(_content.Root, "nonexistent");

        var (exitCode, output) = await RunAsync("validate", "--knowledge", _content.KnowledgePath, "--dialogs", missing);

        Assert.Equal(ValidateCommand.MissingFolderExitCode, exitCode);
        Assert.StartsWith($"error: dialogs folder not found: {missing}", output.Trim());
        Assert.DoesNotContain("OK", output);
    }

    [Fact]
    public async Task Test_reports_a_failing_script_with_its_line_and_what_the_bot_said_instead()
    {
        var script = Path.Combine(_content.Root, "my-tests.yaml");
        await File.WriteAllTextAsync(script, """
            scripts:
              - name: paid vpn goes to the wrong topic
                steps:
                  - user: Is it illegal for individuals to use paid international VPN services?
                    expect: [{type: answer, id: corporate-penalties}]
              - name: penalties are answered
                steps:
                  - user: what are the penalties for individuals
                    expect: [{type: answer, id: personal-penalties}]
            """);

        var (exitCode, output) = await RunAsync("test", script, "--knowledge", _content.KnowledgePath);

        Assert.Equal(TestCommand.FailedExitCode, exitCode);
        Assert.Contains("FAIL paid vpn goes to the wrong topic", output);
        Assert.Contains("my-tests.yaml:4: script \"paid vpn goes to the wrong topic\"", output);
        Assert.Contains("id: expected corporate-penalties, got personal-paid-vpn", output);
        Assert.Contains("> \"Is it illegal for individuals to use paid international VPN services?\"", output);
        Assert.Contains("PASS penalties are answered", output);
        Assert.StartsWith("1 passed, 1 failed", output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Test_reports_a_mistake_in_a_script_file_at_its_line()
    {
        var script = Path.Combine(_content.Root, "broken.yaml");
        await File.WriteAllTextAsync(script, "scripts:\n  - name: typo\n    steps:\n      - usr: hello\n");

        var (exitCode, output) = await RunAsync("test", script, "--knowledge", _content.KnowledgePath);

        Assert.Equal(TestCommand.FailedExitCode, exitCode);
        Assert.Matches(@"broken\.yaml:4:9: error: unknown key 'usr'", output);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Support.Cli.RunAsync(args);
}
