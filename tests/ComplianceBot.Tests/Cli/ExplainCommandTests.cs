using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Cli;

/// <summary><c>explain</c>: shows the matcher that answers FAQ questions, so its numbers are the ones answers carry.</summary>
public sealed class ExplainCommandTests
{
    // Questions for which the matcher that also indexes dialog triggers gives another confidence (0.58, 0.74).
    [Theory]
    [InlineData("who checks that companies keep their vpn logs")]
    [InlineData("what does the bot do")]
    public async Task Explain_shows_the_decision_and_confidence_that_ask_answers_with(string question)
    {
        var (askExit, asked) = await Support.Cli.RunAsync("ask", question, "--json");
        var (explainExit, explained) = await Support.Cli.RunAsync("explain", question);

        Assert.Equal((0, 0), (askExit, explainExit));
        var answer = JObject.Parse(asked.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.Equal("answer", (string?)answer["type"]);
        var decision = Regex.Match(explained, @"decision:   answer (?<id>\S+) \((?<confidence>[0-9.]+)\)");
        Assert.True(decision.Success, explained);
        Assert.Equal((string?)answer["id"], decision.Groups["id"].Value);
        Assert.Equal((double)answer["confidence"]!, double.Parse(decision.Groups["confidence"].Value, CultureInfo.InvariantCulture), 0.006);
        Assert.Contains("matcher:    FAQ topics and out-of-scope groups (the matcher that answers questions", explained);
    }
}
