using System.Text.Json;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>
/// The web host's settings on its command line, as ASP.NET Core's command-line configuration reads them
/// (<c>--urls URL</c>, <c>--Section:Key=value</c>, <c>--Section:Key value</c>). System.CommandLine cannot know them:
/// the names are the host's settings and the sections of the <c>appsettings.json</c> it reads.
/// </summary>
public static class HostSettings
{
    // ASP.NET Core's host settings and the options sections the host binds (also when appsettings.json lacks them).
    private static readonly string[] Known =
    [
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports", "AllowedHosts",
        "Kestrel", "Logging", "detailedErrors", "shutdownTimeoutSeconds", "hostingStartupAssemblies",
        "hostingStartupExcludeAssemblies", "preventHostingStartup", "suppressStatusMessages", "MicrosoftAppType",
        "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppCertificateThumbprint",
        ContentOptions.SectionName, Reporting.UnansweredOptions.SectionName, Core.Matching.MatcherOptions.SectionName,
        HostingOptions.SectionName, InputLimitsOptions.SectionName, OutboundHttpOptions.SectionName,
        Slack.SlackOptions.SectionName, Web.WebChatOptions.SectionName, TeamsApp.TeamsAppOptions.SectionName,
    ];

    // The top-level keys of the appsettings.json the host will read, so a section added there can be overridden at once.
    private static readonly Lazy<IReadOnlyList<string>> AppSettingsSections = new(() =>
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContentRootLocator.Find(), "appsettings.json")),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return []; // the host reports a missing or broken appsettings.json itself when it starts
        }
    });

    /// <summary>
    /// The usage errors in <paramref name="tokens"/>: a setting whose name (its part before <c>:</c>) is neither a
    /// host setting, a section of <c>appsettings.json</c> nor one of <paramref name="declaredOptions"/> (with the
    /// closest name when one is near), a setting without a value, or a bare word.
    /// </summary>
    /// <param name="tokens">The words the serve command did not match itself.</param>
    /// <param name="declaredOptions">The serve command's own option names without dashes (for suggestions).</param>
    public static IReadOnlyList<string> Errors(IReadOnlyList<string> tokens, IEnumerable<string> declaredOptions)
    {
        var errors = new List<string>();
        var known = Known.Concat(AppSettingsSections.Value).ToList();
        var suggestions = known.Concat(declaredOptions).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var setting = token.TrimStart('-').Split('=', 2);
            var section = setting[0].Split(':', 2)[0];
            if (!token.StartsWith("--", StringComparison.Ordinal) || !known.Contains(section, StringComparer.OrdinalIgnoreCase))
            {
                var closest = suggestions.MaxBy(n => FuzzySharp.Fuzz.Ratio(section.ToLowerInvariant(), n.ToLowerInvariant()));
                var hint = closest is not null && FuzzySharp.Fuzz.Ratio(section.ToLowerInvariant(), closest.ToLowerInvariant()) >= 70
                    ? $"; did you mean '--{closest}{setting[0][section.Length..]}'?"
                    : " (it takes --knowledge DIR, --dialogs DIR, host settings such as --urls http://localhost:3978 and --Section:Key=value overrides of appsettings.json)";
                errors.Add(token.StartsWith('-')
                    ? $"unknown option '{token.Split('=', 2)[0]}' for '{CommandLine.ServeCommandName}'{hint}"
                    : $"unknown command or argument '{token}' for '{CommandLine.ServeCommandName}'{hint}");
            }
            else if (setting.Length == 1 && (i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                errors.Add($"'{token}' needs a value ('{token} VALUE' or '{token}=VALUE').");
            }

            if (setting.Length == 1 && token.StartsWith("--", StringComparison.Ordinal))
            {
                i++; // the value
            }
        }

        return errors;
    }
}
