using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Tests.Support;

/// <summary>Hand-built replies of the kinds decision dialogs produce (prompt, verdict), for rendering tests.</summary>
public static class SampleReplies
{
    public static BotReply Prompt() => new()
    {
        Kind = ReplyKind.Prompt,
        Language = Language.English,
        Text = "Who provides the VPN or connection you want to use?",
        Actions =
        [
            Choice("provider", "licensed-operator", "A licensed Chinese operator"),
            Choice("provider", "employer-channel", "My employer's approved channel"),
            Choice("provider", "unlicensed-service", "A third-party VPN service"),
            Choice("provider", "self-built", "My own server or tunnel"),
        ],
        Value = new PromptValue("personal-vpn-check", "provider",
        [
            new("licensed-operator", "A licensed Chinese operator"),
            new("employer-channel", "My employer's approved channel"),
            new("unlicensed-service", "A third-party VPN service"),
            new("self-built", "My own server or tunnel"),
        ]),
    };

    public static BotReply Verdict() => new()
    {
        Kind = ReplyKind.Verdict,
        Language = Language.English,
        Text = "**Not permitted:** a VPN service without a Chinese telecom licence is an unauthorized channel.",
        Sources = [new SourceLine("interim-provisions-international-networking", "Interim Provisions on International Networking, Art. 6", true)],
        Footer = "General guidance, not legal advice. As of 2026-11-29",
        Actions =
        [
            new ReplyAction("Change an answer", new Dictionary<string, string> { ["change"] = "personal-vpn-check" }),
            new ReplyAction("Start over", new Dictionary<string, string> { ["start"] = "personal-vpn-check" }),
        ],
        Verdict = new VerdictDetails(
            "personal-vpn-check",
            "Can I use this VPN?",
            "not-permitted",
            "This connection is an unauthorized channel.",
            [
                new VerdictFact("location", "Where", "mainland-china", "In mainland China"),
                new VerdictFact("provider", "Provider", "unlicensed-service", "A third-party VPN service"),
                new VerdictFact("purpose", "Purpose", "work", "Work"),
            ],
            "The provider holds no Chinese telecom business licence, so using it is using an unauthorized channel.",
            ["Stop using the service.", "Use a licensed operator's international service or your employer's approved channel."]),
        Value = new VerdictValue("personal-vpn-check", "not-permitted",
            [new("location", "mainland-china"), new("provider", "unlicensed-service"), new("purpose", "work")],
            ["interim-provisions-international-networking"]),
    };

    private static ReplyAction Choice(string slot, string value, string title) =>
        new(title, new Dictionary<string, string> { ["slot"] = slot, ["choice"] = value });
}
