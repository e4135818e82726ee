using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Docs;

/// <summary>
/// What a reader of a fresh clone can follow: a short README, links that lead to files of the repository, no reference
/// to documents the repository does not have, and a configuration page that names every setting.
/// </summary>
public sealed partial class DocReferencesTests
{
    private static readonly string Root = Repo.Root;

    public static TheoryData<string> Documents() => DocCommandTests.Documents();

    [Fact]
    public void The_readme_is_a_quick_start_of_at_most_150_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;

        Assert.True(lines <= 150, $"README.md has {lines} lines; keep it a quick start (at most 150) and move details to docs/");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_leads_to_a_file_or_folder_of_the_repository(string document)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, document))!;
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(Path.Combine(Root, document))))
        {
            var target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(folder, target));
            if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
            {
                broken.Add(link.Value);
            }
        }

        Assert.True(broken.Count == 0, $"{document}: links to nothing in the repository: {string.Join(", ", broken)}");
    }

    [Fact]
    public void No_file_refers_to_documents_outside_the_repository()
    {
        string[] outside = ["../" + "shared", "shared/" + "spec", "shared/" + "seeds", "shared/" + "notes", "shared/" + "eval", "shared/" + "reviews", "contract " + "section", "contract" + ".md"];
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj" or "artifacts" or "data" or "node_modules" || part.StartsWith('.'))
                || relative.Contains("/vendor/", StringComparison.Ordinal)
                || Path.GetExtension(file) is not (".cs" or ".md" or ".yaml" or ".yml" or ".json" or ".sh" or ".props" or ".csproj" or ".js" or ".html"))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (outside.FirstOrDefault(o => lines[i].Contains(o, StringComparison.OrdinalIgnoreCase)) is { } reference)
                {
                    found.Add($"{relative}:{i + 1}: '{reference}'");
                }
            }
        }

        Assert.True(found.Count == 0, "References to documents a clone does not have (point at docs/reply-format.md sections by name instead):\n"
            + string.Join('\n', found));
    }

    [Fact]
    public void The_configuration_page_names_every_section_and_key_of_appsettings()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));
        var headings = page.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToHashSet(StringComparer.Ordinal);
        var prose = string.Join('\n', page.Split('\n').Where(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal)));
        var named = Backticked().Matches(prose).Select(m => m.Groups["text"].Value).ToList();
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.json")))!.AsObject();
        var missing = new List<string>();
        foreach (var (section, value) in settings)
        {
            if (value is JsonObject && !headings.Contains(section))
            {
                missing.Add($"section {section} (a '## {section}' heading)");
            }

            foreach (var key in Keys(section, value))
            {
                var name = key.Split(':')[^1];
                if (!named.Any(n => n == name || n.Split(':').Contains(name)))
                {
                    missing.Add($"key {key} (as `{name}`)");
                }
            }
        }

        Assert.True(missing.Count == 0, "docs/configuration.md does not describe: " + string.Join("; ", missing));
    }

    private static IEnumerable<string> Keys(string path, JsonNode? node) => node is JsonObject obj
        ? obj.SelectMany(p => Keys($"{path}:{p.Key}", p.Value))
        : [path];

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`(?<text>[^`]+)`")]
    private static partial Regex Backticked();
}
