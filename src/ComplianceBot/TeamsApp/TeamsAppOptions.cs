namespace ComplianceBot.TeamsApp;

/// <summary>
/// What goes into the Teams app package (configuration section <c>TeamsApp</c>; command-line options of
/// <c>teams-package</c> override them). Limits are those of the Teams manifest schema 1.19.
/// </summary>
public sealed class TeamsAppOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "TeamsApp";

    /// <summary>The Teams app id (a GUID). Empty: the bot's <c>MicrosoftAppId</c>, as Teams allows.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The bot's Microsoft App ID (a GUID). Empty: <c>MicrosoftAppId</c>.</summary>
    public string BotId { get; set; } = string.Empty;

    /// <summary>The package version (semantic version). Default <c>1.0.0</c>; raise it for every upload.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>Name shown in Teams, at most 30 characters.</summary>
    public string ShortName { get; set; } = "ComplianceBot";

    /// <summary>Full name, at most 100 characters.</summary>
    public string FullName { get; set; } = "ComplianceBot: China VPN and cross-border networking rules";

    /// <summary>Short description, at most 80 characters.</summary>
    public string ShortDescription { get; set; } = "Answers on China's VPN and cross-border networking rules, with sources.";

    /// <summary>Full description, at most 4000 characters.</summary>
    public string FullDescription { get; set; } =
        "Ask in your own words, in English or Chinese, what the rules on VPNs and cross-border networking in mainland China allow: "
        + "personal VPN use, licensed operators, a company's cross-border channel and its obligations, travel. Every answer cites "
        + "the regulations it relies on, and short checks end in a verdict with next steps. General guidance, not legal advice.";

    /// <summary>Publisher name, at most 32 characters. Required.</summary>
    public string DeveloperName { get; set; } = string.Empty;

    /// <summary>Support page (https). Required.</summary>
    public string WebsiteUrl { get; set; } = string.Empty;

    /// <summary>Privacy statement (https). Required.</summary>
    public string PrivacyUrl { get; set; } = string.Empty;

    /// <summary>Terms of use (https). Required.</summary>
    public string TermsOfUseUrl { get; set; } = string.Empty;

    /// <summary>Background colour of the icon, <c>#RRGGBB</c>. Default <c>#1F6FB2</c>.</summary>
    public string AccentColor { get; set; } = "#1F6FB2";

    /// <summary>Path of the 192×192 colour icon (PNG); empty for the built-in one. Relative paths start at the content root.</summary>
    public string ColorIcon { get; set; } = string.Empty;

    /// <summary>Path of the 32×32 white-on-transparent outline icon (PNG); empty for the built-in one.</summary>
    public string OutlineIcon { get; set; } = string.Empty;
}
