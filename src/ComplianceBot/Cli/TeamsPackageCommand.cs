using System.CommandLine;
using ComplianceBot.Hosting;
using ComplianceBot.TeamsApp;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>teams-package [--output file.zip] [--app-id GUID] [--bot-id GUID] [--package-version 1.2.3] [--developer-name …]
/// [--website-url …] [--privacy-url …] [--terms-url …]</c>: writes the Teams app package (manifest.json + icons) for
/// side-loading, from the <c>TeamsApp</c> settings and <c>MicrosoftAppId</c>; options override settings.
/// Exit code 0 on success, 1 with each problem listed when the settings or icons do not make a valid package.
/// </summary>
public static class TeamsPackageCommand
{
    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var path = new Option<FileInfo>("--output", "-o") { Description = "Where to write the zip.", DefaultValueFactory = _ => new FileInfo("artifacts/compliancebot-teams.zip") };
        var appId = new Option<string?>("--app-id") { Description = "Teams app id (GUID); default TeamsApp:AppId, else MicrosoftAppId." };
        var botId = new Option<string?>("--bot-id") { Description = "The bot's Microsoft App ID (GUID); default TeamsApp:BotId, else MicrosoftAppId." };
        var version = new Option<string?>("--package-version") { Description = "Package version, e.g. 1.0.1; default TeamsApp:Version." };
        var developer = new Option<string?>("--developer-name") { Description = "Publisher name; default TeamsApp:DeveloperName." };
        var website = new Option<string?>("--website-url") { Description = "Support page (https); default TeamsApp:WebsiteUrl." };
        var privacy = new Option<string?>("--privacy-url") { Description = "Privacy statement (https); default TeamsApp:PrivacyUrl." };
        var terms = new Option<string?>("--terms-url") { Description = "Terms of use (https); default TeamsApp:TermsOfUseUrl." };
        var command = new Command("teams-package", "Write the Teams app package (manifest.json + icons zip) for side-loading.")
        {
            path, appId, botId, version, developer, website, privacy, terms,
        };
        command.SetAction((result, _) => CommandLine.Guard(result, async () =>
        {
            var root = ContentRootLocator.Find();
            var configuration = new ConfigurationBuilder().SetBasePath(root).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            var options = configuration.GetSection(TeamsAppOptions.SectionName).Get<TeamsAppOptions>() ?? new TeamsAppOptions();
            var microsoftAppId = configuration["MicrosoftAppId"] ?? string.Empty;
            options.BotId = First(result.GetValue(botId), options.BotId, microsoftAppId);
            options.AppId = First(result.GetValue(appId), options.AppId, options.BotId);
            options.Version = First(result.GetValue(version), options.Version);
            options.DeveloperName = First(result.GetValue(developer), options.DeveloperName);
            options.WebsiteUrl = First(result.GetValue(website), options.WebsiteUrl);
            options.PrivacyUrl = First(result.GetValue(privacy), options.PrivacyUrl);
            options.TermsOfUseUrl = First(result.GetValue(terms), options.TermsOfUseUrl);

            var file = result.GetRequiredValue(path);
            var problems = await TeamsAppPackage.WriteAsync(options, file.FullName, root);
            if (problems.Count > 0)
            {
                output.WriteLine("error: the Teams app package was not written:");
                foreach (var problem in problems)
                {
                    output.WriteLine("  " + problem);
                }

                return CommandLine.InvalidSetupExitCode;
            }

            output.WriteLine($"Wrote {file.FullName} (manifest {TeamsManifest.SchemaVersion}, app {options.AppId}, bot {options.BotId}, version {options.Version}).");
            output.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app.");
            return 0;
        }));
        return command;
    }

    private static string First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;
}
