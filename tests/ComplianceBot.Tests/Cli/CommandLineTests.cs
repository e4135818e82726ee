using System.CommandLine;
using ComplianceBot.Cli;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Cli;

public class CommandLineTests
{
    private static Task<(int ExitCode, string Output)> RunAsync(string input, params string[] args) => Support.Cli.RunWithInputAsync(input, args);

    [Fact]
    public async Task Ask_prints_the_answer_with_sources_and_buttons()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "ask", "Is it illegal for individuals to use paid international VPN services?");

        Assert.Equal(0, exitCode);
        Assert.Contains("Sources:", output);
        Assert.Contains("[1] ", output);
        Assert.DoesNotContain("**", output); // Markdown emphasis is removed for the terminal
    }

    [Fact]
    public async Task Ask_with_json_prints_the_value_object()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "ask", "Is it illegal for individuals to use paid international VPN services?", "--json");

        Assert.Equal(0, exitCode);
        var value = JObject.Parse(output.Trim());
        Assert.Equal("answer", (string?)value["type"]);
        Assert.Equal("personal-paid-vpn", (string?)value["id"]);
    }

    [Fact]
    public async Task Chat_welcomes_answers_and_lets_the_user_click_a_button_by_number()
    {
        var (exitCode, output) = await RunAsync("what are the penalties for individuals\n1\nexit\n", "chat");

        Assert.Equal(0, exitCode);
        Assert.Contains("Hi! I'm ComplianceBot", output);
        Assert.Contains("(Type a button's number to click it. To leave, type 'exit' or press Ctrl+D.)", output); // right after the greeting
        Assert.True(output.IndexOf(ChatCommand.HowToUse, StringComparison.Ordinal) < output.IndexOf("> ", StringComparison.Ordinal));
        var answers = output.Split("Sources:").Length - 1;
        Assert.Equal(2, answers); // the question and the first related topic clicked by number
        Assert.DoesNotContain("**", output); // Markdown is rendered for the terminal, not printed
        Assert.DoesNotContain("`", output);
        Assert.DoesNotContain("\n- ", output);
    }

    [Fact]
    public async Task Ask_that_ends_in_a_check_question_says_how_to_continue()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "ask", "can i use a vpn in china");

        Assert.Equal(0, exitCode);
        Assert.Contains("What carries your connection abroad?", output);
        Assert.EndsWith("(This is a check, and 'ask' sends one message only. To answer its questions, run 'chat' and ask there; "
            + "or put every fact (where you connect from; what carries your connection abroad; what you use it for) in one question to 'ask'.)", output.Trim());
    }

    [Fact]
    public async Task Ask_with_every_fact_of_a_check_in_one_question_gets_the_verdict_and_no_advice_to_continue()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "ask", "I'm in Shanghai and use a paid VPN app to watch YouTube");

        Assert.Equal(0, exitCode);
        Assert.Contains("Not permitted", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'ask' sends one message only", output);
    }

    [Fact]
    public async Task Eval_reports_accuracy_rejection_and_misses()
    {
        var file = Path.Combine(Path.GetTempPath(), $"eval-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"text": "Is it illegal for individuals to use paid international VPN services?", "expect": ["personal-paid-vpn"]}""",
            """{"text": "what is the weather tomorrow", "expect": ["fallback"]}""",
            """{"text": "what is the weather tomorrow", "expect": ["travelers"]}""",
        ]);
        try
        {
            var (exitCode, output) = await RunAsync(string.Empty, "eval", file);

            Assert.Equal(0, exitCode);
            Assert.Contains("questions: 3 (2 in scope, 1 out of scope)", output);
            Assert.Contains("top-1 accuracy:         50.0", output);
            Assert.Contains("out-of-scope fallback:  100.0", output);
            Assert.Contains("line 3: \"what is the weather tomorrow\" expected travelers, got fallback", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_question_starting_with_at_is_read_as_text_not_as_a_response_file()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "ask", "@grace what are the penalties for individuals using a vpn", "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal("personal-penalties", (string?)JObject.Parse(output.Trim())["id"]);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_instead_of_starting_the_server()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "validat");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unrecognized command or argument 'validat'.", output);
    }

    // System.CommandLine's own errors and "did you mean" for a token it could not match; the command's own message for a
    // word written like an option that it would otherwise take as its argument. Either way the first lines name the
    // token and the suggestion, the last points at the command's help, and nothing runs.
    [Theory]
    [InlineData("validate --knowlege /tmp/k --no-info", "validate", "'--knowlege' was not matched. Did you mean one of the following?", "--knowledge", "Unrecognized command or argument '--knowlege'.")]
    [InlineData("validate --warnings-as-error", "validate", "'--warnings-as-error' was not matched. Did you mean one of the following?", "--warnings-as-errors")]
    [InlineData("validate knowledge", "validate", "'knowledge' was not matched. Did you mean one of the following?", "--knowledge", "Unrecognized command or argument 'knowledge'.")]
    [InlineData("impact cybersecurity-law --artcle 21", "impact", "'--artcle' was not matched. Did you mean one of the following?", "--article")]
    [InlineData("report unanswered --tpo 3", "report unanswered", "'--tpo' was not matched. Did you mean one of the following?", "--top")]
    [InlineData("report unansered", "report", "'unansered' was not matched. Did you mean one of the following?", "unanswered")]
    [InlineData("test --nmae paid", "test", "'--nmae' is not an option of 'test'; did you mean '--name'? (A word that starts with '-' is read as an argument only after '--'.)")]
    [InlineData("ask is a vpn legal --jsn", "ask", "'--jsn' is not an option of 'ask'; did you mean '--json'? (A word that starts with '-' is read as an argument only after '--'.)")]
    [InlineData("explain -x is a vpn legal", "explain", "'-x' is not an option of 'explain'; its options: --knowledge, --dialogs. (A word that starts with '-' is read as an argument only after '--'.)")]
    [InlineData("eval --verbos=1 questions.jsonl", "eval", "'--verbos' is not an option of 'eval'; did you mean '--verbose'? (A word that starts with '-' is read as an argument only after '--'.)")]
    [InlineData("report unanswered --top abc", "report unanswered", "--top takes a whole number of 1 or more (how many questions to list), not 'abc'.")]
    [InlineData("report unanswered --top 0", "report unanswered", "--top takes a whole number of 1 or more (how many questions to list), not '0'.")]
    public async Task A_mistyped_option_or_extra_argument_is_a_usage_error_naming_it_and_nothing_runs(string commandLine, string command, params string[] expected)
    {
        var (exitCode, output) = await RunAsync(string.Empty, commandLine.Split(' '));

        Assert.Equal(CommandLine.UsageExitCode, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Take(expected.Length));
        Assert.Equal($"See '{command} --help'.", lines[^1]);
        Assert.DoesNotContain("OK:", output);
        Assert.DoesNotContain("Sources:", output);
    }

    [Theory]
    [InlineData("error: unknown option '--urlz' for 'serve'; did you mean '--urls'?", "serve", "--urlz", "x")]
    [InlineData("error: unknown option '--urlz' for 'serve'; did you mean '--urls'?", "--urlz", "x")]
    [InlineData("error: unknown option '--knowlege' for 'serve'; did you mean '--knowledge'?", "serve", "--knowlege", "/tmp/k")]
    [InlineData("error: unknown option '--Matchng:AnswerThreshold' for 'serve'; did you mean '--Matching:AnswerThreshold'?", "serve", "--Matchng:AnswerThreshold=0.6")]
    [InlineData("error: unknown option '--verbose' for 'serve' (it takes --knowledge DIR, --dialogs DIR, host settings such as --urls http://localhost:3978 and --Section:Key=value overrides of appsettings.json)", "serve", "--verbose")]
    [InlineData("error: '--urls' needs a value ('--urls VALUE' or '--urls=VALUE').", "serve", "--urls")]
    public async Task A_mistyped_host_setting_is_a_usage_error_and_no_server_starts(string error, params string[] args)
    {
        var (exitCode, output) = await RunAsync(string.Empty, args);

        Assert.Equal(CommandLine.UsageExitCode, exitCode);
        Assert.Equal(error, output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0]);
    }

    [Theory]
    [InlineData("serve", "--urls", "http://localhost:5000")]
    [InlineData("serve", "--urls=http://localhost:5000", "--Matching:AnswerThreshold=0.6", "--Content:KnowledgePath", "knowledge")]
    [InlineData("--urls", "http://localhost:5000", "--environment", "Development", "--Logging:LogLevel:Default=Warning")]
    [InlineData("serve", "--matching:answerthreshold", "0.6", "--MicrosoftAppId=", "--Unanswered:Enabled=false")]
    [InlineData("serve", "--knowledge", "knowledge", "--urls", "http://localhost:5000")]
    public void The_web_hosts_documented_settings_are_accepted(params string[] args)
    {
        var result = CommandLine.Parse(CommandLine.Build(TextWriter.Null, TextReader.Null), args);

        Assert.Equal(CommandLine.ServeCommandName, result.CommandResult.Command.Name);
        Assert.Empty(result.Errors);
        Assert.Empty(HostSettings.Errors(result.UnmatchedTokens, []));
    }

    [Fact]
    public async Task A_mistyped_command_gets_the_closest_one()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "validat");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("'validat' was not matched. Did you mean one of the following?\nvalidate\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Words_after_a_double_dash_are_a_question_even_when_they_look_like_options()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "ask", "--json", "--", "--what", "are", "the", "penalties", "for", "individuals");

        Assert.Equal(0, exitCode);
        Assert.Equal("personal-penalties", (string?)JObject.Parse(output.Trim())["id"]);
    }

    [Fact]
    public async Task Ask_takes_several_words_without_quotes_as_one_question()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "ask", "what", "are", "the", "penalties", "for", "individuals", "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal("personal-penalties", (string?)JObject.Parse(output.Trim())["id"]);
    }

    [Theory]
    [InlineData("eval", """{"text": "is vpn legal", "expect": ["personal-vpn-legal-status"]}""")]
    [InlineData("eval-scenarios", """{"start": "can i use my vpn", "dialog": "personal-vpn-check", "facts": {}, "verdict": "permitted"}""")]
    public async Task A_bad_line_in_an_eval_file_is_one_error_line_with_file_and_line_and_no_stack_trace(string command, string goodLine)
    {
        var file = Path.Combine(Path.GetTempPath(), $"eval-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, [goodLine, "not json"]);
        try
        {
            var (exitCode, output) = await RunAsync(string.Empty, command, file);

            Assert.Equal(CommandLine.InvalidSetupExitCode, exitCode);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var error = Assert.Single(lines);
            Assert.StartsWith($"error: {file}:2: expected ", error);
            Assert.DoesNotContain("Unhandled exception", output);
            Assert.DoesNotContain("   at ", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Eval_of_a_missing_file_says_so()
    {
        var (exitCode, output) = await RunAsync(string.Empty, "eval", "/nonexistent/questions.jsonl");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("does not exist", output);
    }
}
