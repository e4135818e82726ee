using System.CommandLine;
using System.IO.Compression;
using ComplianceBot.Cli;
using ComplianceBot.TeamsApp;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Cli;

/// <summary><c>teams-package</c>: the side-loadable Teams app package, valid against the manifest schema it declares.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string BotId = "0b5e4a1c-6d2f-4c44-9a3e-2f8f0c1d7e11";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teams-package-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] Publisher =
    [
        "--developer-name", "Acme Compliance", "--website-url", "https://acme.example.com/help",
        "--privacy-url", "https://acme.example.com/privacy", "--terms-url", "https://acme.example.com/terms",
    ];

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Support.Cli.RunAsync(args);

    [Fact]
    public async Task The_package_holds_a_schema_valid_manifest_for_the_configured_bot_and_both_icons_in_their_sizes()
    {
        var zipPath = Path.Combine(_folder, "app.zip");

        var (exitCode, output) = await RunAsync(["teams-package", "--output", zipPath, "--bot-id", BotId, "--package-version", "1.2.3", .. Publisher]);

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        string manifestJson;
        using (var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
        {
            manifestJson = await reader.ReadToEndAsync();
        }

        Assert.Empty(await TeamsAppPackage.ValidateAsync(manifestJson));
        var manifest = JObject.Parse(manifestJson);
        Assert.Equal("1.19", (string?)manifest["manifestVersion"]);
        Assert.EndsWith("/v1.19/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal(BotId, (string?)manifest["id"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal("ComplianceBot", (string?)manifest["name"]!["short"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.Select(s => (string)s!));
        Assert.Equal((192, 192), PngSize(zip, "color.png"));
        Assert.Equal((32, 32), PngSize(zip, "outline.png"));
    }

    [Fact]
    public async Task Each_command_of_the_teams_menu_gets_the_answer_its_description_promises()
    {
        // Teams sends a command's title as the message text: the bot must answer it as the description says.
        var promised = new Dictionary<string, string>
        {
            ["What I can answer and how to ask"] = "about-bot",
            ["Personal VPN use in mainland China, e.g. a paid VPN app"] = "personal-paid-vpn",
            ["How a company gets a lawful cross-border channel"] = "corporate-compliant-paths",
            ["How to stay connected lawfully on a trip"] = "travelers",
        };
        var zipPath = Path.Combine(_folder, "app.zip");
        Assert.Equal(0, (await RunAsync(["teams-package", "--output", zipPath, "--bot-id", BotId, .. Publisher])).ExitCode);
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var commands = JObject.Parse(await reader.ReadToEndAsync())["bots"]![0]!["commandLists"]![0]!["commands"]!;

        Assert.Equal(promised.Keys.Order(), commands.Select(c => (string)c["description"]!).Order());
        foreach (var command in commands)
        {
            var (exitCode, output) = await RunAsync("ask", (string)command["title"]!, "--json");
            Assert.Equal(0, exitCode);
            var value = JObject.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
            Assert.True((string?)value["type"] == "answer" && (string?)value["id"] == promised[(string)command["description"]!],
                $"command \"{command["title"]}\" got {value}");
        }
    }

    [Fact]
    public async Task Missing_settings_are_each_named_and_no_package_is_written()
    {
        var zipPath = Path.Combine(_folder, "app.zip");

        var (exitCode, output) = await RunAsync("teams-package", "--output", zipPath, "--package-version", "1.0");

        Assert.Equal(1, exitCode);
        Assert.Contains("TeamsApp:DeveloperName is required", output);
        Assert.Contains("TeamsApp:PrivacyUrl is required", output);
        Assert.Contains("not MAJOR.MINOR.PATCH", output);
        Assert.Contains("set MicrosoftAppId", output);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task The_schema_check_names_the_manifest_key_and_the_rule_broken_in_plain_words()
    {
        var manifest = TeamsManifest.Build(new TeamsAppOptions
        {
            AppId = BotId, BotId = BotId, DeveloperName = "Acme", WebsiteUrl = "https://a.example", PrivacyUrl = "https://a.example/p",
            TermsOfUseUrl = "https://a.example/t", ShortName = "ComplianceBot for every employee of Acme",
        });
        manifest["accentColor"] = "blue";
        manifest["manifestVersion"] = "1.17";

        var problems = await TeamsAppPackage.ValidateAsync(manifest.ToJsonString());

        Assert.Contains("manifest name.short is 40 characters long; Teams allows at most 30", problems);
        Assert.Contains("manifest accentColor is \"blue\", which is not in the form Teams requires (^#[0-9a-fA-F]{6}$)", problems);
        Assert.Contains("manifest manifestVersion must be \"1.19\" for this schema, not \"1.17\"", problems);
        Assert.All(problems, p => Assert.DoesNotMatch("#/|StringTooLong|PatternMismatch", p)); // plain words, no schema paths or error kinds
    }

    private static (int, int)? PngSize(ZipArchive zip, string name)
    {
        var path = Path.GetTempFileName();
        try
        {
            zip.GetEntry(name)!.ExtractToFile(path, overwrite: true);
            return TeamsAppPackage.PngSize(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
