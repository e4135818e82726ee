using System.Text.Json.Nodes;

namespace ComplianceBot.TeamsApp;

/// <summary>
/// The Teams app manifest (schema <see cref="SchemaVersion"/>) for the bot: one bot usable in personal chats, team
/// channels and group chats, with a few sample commands; no tabs, message extensions or extra permissions.
/// </summary>
public static class TeamsManifest
{
    /// <summary>The manifest schema version the manifest declares and is validated against.</summary>
    public const string SchemaVersion = "1.19";

    /// <summary>The schema URL written into <c>$schema</c>.</summary>
    public const string SchemaUrl = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";

    /// <summary>The manifest for <paramref name="options"/> (whose <see cref="TeamsAppOptions.AppId"/> and <see cref="TeamsAppOptions.BotId"/> must be resolved).</summary>
    public static JsonObject Build(TeamsAppOptions options)
    {
        string[] scopes = ["personal", "team", "groupChat"];
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = SchemaVersion,
            ["version"] = options.Version,
            ["id"] = options.AppId,
            ["developer"] = new JsonObject
            {
                ["name"] = options.DeveloperName,
                ["websiteUrl"] = options.WebsiteUrl,
                ["privacyUrl"] = options.PrivacyUrl,
                ["termsOfUseUrl"] = options.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = options.ShortName, ["full"] = options.FullName },
            ["description"] = new JsonObject { ["short"] = options.ShortDescription, ["full"] = options.FullDescription },
            ["icons"] = new JsonObject { ["color"] = TeamsAppPackage.ColorIconName, ["outline"] = TeamsAppPackage.OutlineIconName },
            ["accentColor"] = options.AccentColor,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = options.BotId,
                ["scopes"] = Strings(scopes),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(new JsonObject
                {
                    ["scopes"] = Strings(scopes),
                    ["commands"] = new JsonArray(
                        Command("help", "What I can answer and how to ask"),
                        Command("Is a paid VPN legal?", "Personal VPN use in mainland China, e.g. a paid VPN app"),
                        Command("Company cross-border options", "How a company gets a lawful cross-border channel"),
                        Command("Travelling to China", "How to stay connected lawfully on a trip")),
                }),
            }),
            ["permissions"] = Strings(["identity", "messageTeamMembers"]),
            ["validDomains"] = new JsonArray(),
        };
    }

    private static JsonObject Command(string title, string description) => new() { ["title"] = title, ["description"] = description };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
