using ComplianceBot.Cli;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Cli;

/// <summary><c>new-topic</c>: an author's first topic, from the skeleton to an answered question.</summary>
public sealed class NewTopicCommandTests : IDisposable
{
    private readonly TempContent _content = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public void Dispose() => _content.Dispose();

    private string Today => _clock.GetLocalNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_topic_is_written_filled_in_validated_and_answered_from_the_copy()
    {
        var (newExit, written) = await Support.Cli.RunAsync(_clock, "new-topic", "vpn-routers", "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, newExit);
        var file = _content.PathOf("topics/vpn-routers.yaml");
        Assert.StartsWith($"Wrote {file} (id vpn-routers, version 1, last reviewed {Today}, review by ", written);
        var (emptyExit, empty) = await Support.Cli.RunAsync("validate", "--knowledge", _content.KnowledgePath, "--no-info");
        Assert.Equal(ValidateCommand.ErrorsExitCode, emptyExit); // nothing half-written is ever served
        Assert.All(empty.Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)), l => Assert.StartsWith(file + ":", l));

        var lines = File.ReadAllLines(file).ToList();
        Fill(lines, "title:", "en: \"\"", "en: VPN routers");
        Fill(lines, "title:", "zh: \"\"", "zh: VPN路由器");
        Fill(lines, "audience:", "audience: []", "audience: [individual, traveller]");
        Fill(lines, "answer:", "en: \"\"", "en: A router does not change the rule. What counts is the channel that carries the traffic abroad.");
        Fill(lines, "answer:", "zh: \"\"", "zh: 路由器不改变规定，关键在于承载跨境流量的信道。");
        Fill(lines, "phrasings:", "en: []", "en: [is a vpn router legal in china, can i bring my travel router, "
            + "router with built in vpn in china, does a vpn router count as a vpn, gl.inet router china, vpn on my home router]");
        Fill(lines, "citations:", "- regulation: \"\"", "- regulation: interim-provisions-international-networking");
        Fill(lines, "citations:", "articles: []", "articles: [\"6\"]");
        Fill(lines, "related:", "related: []", "related: [personal-paid-vpn]");
        File.WriteAllLines(file, lines);

        var (validExit, valid) = await Support.Cli.RunAsync("validate", "--knowledge", _content.KnowledgePath, "--no-info");
        var (askExit, asked) = await Support.Cli.RunAsync("ask", "is a vpn router legal in china", "--knowledge", _content.KnowledgePath, "--json");

        Assert.True(validExit == 0, valid);
        Assert.Equal(0, askExit);
        var answer = JObject.Parse(asked.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.Equal(("answer", "vpn-routers"), ((string?)answer["type"], (string?)answer["id"]));
        Assert.Equal(["interim-provisions-international-networking"], answer["citations"]!.Select(c => (string)c!));
    }

    [Fact]
    public async Task The_skeleton_names_its_schema_has_both_languages_and_review_dates_and_the_output_points_at_each_key_to_fill()
    {
        var (exitCode, output) = await Support.Cli.RunAsync(_clock, "new-topic", "vpn-routers", "--knowledge", _content.KnowledgePath);

        Assert.Equal(0, exitCode);
        var file = _content.PathOf("topics/vpn-routers.yaml");
        var lines = File.ReadAllLines(file);
        Assert.Equal("# yaml-language-server: $schema=../schema/topic.schema.json", lines[0]);
        Assert.Contains("id: vpn-routers", lines);
        Assert.Equal(2, lines.Count(l => l.TrimStart().StartsWith("zh: ", StringComparison.Ordinal) && l.Contains("\"\"", StringComparison.Ordinal)));
        Assert.Contains($"last_reviewed: {Today}", lines);
        Assert.Contains(lines, l => l.StartsWith($"review_by: {_clock.GetLocalNow().AddMonths(6):yyyy-MM-dd}", StringComparison.Ordinal));
        foreach (var key in new[] { "title", "audience", "answer", "phrasings", "citations", "related" })
        {
            var line = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal)) + 1;
            Assert.Contains($"  {file}:{line}  {key,-10} ", output);
        }

        Assert.Contains($"validate --knowledge {_content.KnowledgePath}", output);
        Assert.Contains($"ask --knowledge {_content.KnowledgePath} \"<one of its phrasings>\"", output);
    }

    [Fact]
    public async Task An_existing_topic_is_refused_and_left_as_it_was()
    {
        var file = _content.PathOf("topics/travelers.yaml");
        var before = await File.ReadAllTextAsync(file);

        var (exitCode, output) = await Support.Cli.RunAsync("new-topic", "travelers", "--knowledge", _content.KnowledgePath);

        Assert.Equal(NewTopicCommand.RefusedExitCode, exitCode);
        Assert.Equal($"error: topic 'travelers' already exists: {file}. Edit that file, or choose another id.", output.Trim());
        Assert.Equal(before, await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData("VPN_Routers", "error: 'VPN_Routers' is not a topic id: an id is lowercase letters and digits in words joined by hyphens; did you mean 'vpn-routers'?")]
    [InlineData("-", "error: '-' is not a topic id: an id is lowercase letters and digits in words joined by hyphens, e.g. vpn-routers.")]
    public async Task An_invalid_id_is_refused_with_the_rule_and_nothing_is_written(string id, string error)
    {
        var before = Directory.GetFiles(_content.PathOf("topics")).Length;

        var (exitCode, output) = await Support.Cli.RunAsync("new-topic", "--knowledge", _content.KnowledgePath, "--", id);

        Assert.Equal(NewTopicCommand.RefusedExitCode, exitCode);
        Assert.Equal(error, output.Trim());
        Assert.Equal(before, Directory.GetFiles(_content.PathOf("topics")).Length);
    }

    // Replaces the first line after the line starting with `key` whose text (without indentation and comment) is `old`.
    private static void Fill(List<string> lines, string key, string old, string replacement)
    {
        var start = lines.FindIndex(l => l.StartsWith(key, StringComparison.Ordinal));
        var at = lines.FindIndex(start, l => l.Split(" #", 2)[0].Trim() == old);
        Assert.True(start >= 0 && at >= 0, $"{old} after {key}");
        lines[at] = lines[at][..(lines[at].Length - lines[at].TrimStart().Length)] + replacement;
    }
}
