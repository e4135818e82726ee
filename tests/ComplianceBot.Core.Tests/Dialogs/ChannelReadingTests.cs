using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>
/// The contract's rule for the service or method slot (amended 2026-12-02), read from what people type: a company VPN
/// client alone is <c>unsure</c>, only a confirmed approved channel is <c>employer-channel</c>, and a VPN app on top of a
/// Chinese operator's line is not <c>licensed-operator</c>.
/// </summary>
public class ChannelReadingTests
{
    private static DialogIndex Dialog(string id) => RealContent.Served.FindDialogIndex(id)!;

    [Theory]
    [InlineData("personal-vpn-check", "provider", "I'm in Shanghai on the company GlobalProtect")]
    [InlineData("personal-vpn-check", "provider", "my work vpn (anyconnect) from the hotel")]
    [InlineData("personal-vpn-check", "provider", "zscaler is what IT gave us")]
    [InlineData("personal-vpn-check", "provider", "我在北京用公司的VPN")]
    [InlineData("travel-check", "method", "I'll use my company VPN from the hotel")]
    [InlineData("travel-check", "method", "出差用公司VPN")]
    public void A_company_VPN_client_alone_is_unsure(string dialog, string slot, string text)
    {
        var reading = SlotFiller.Read(Dialog(dialog), text, askedSlot: null, LanguageDetector.Detect(text));

        Assert.Equal("unsure", reading.Values[slot]);
    }

    [Theory]
    [InlineData("personal-vpn-check", "provider", "IT confirmed it runs over our approved China channel")]
    [InlineData("personal-vpn-check", "provider", "the company's dedicated line")]
    [InlineData("travel-check", "method", "the approved china line, IT has confirmed it")]
    public void Only_a_confirmed_approved_channel_is_the_employers_channel(string dialog, string slot, string text)
    {
        Assert.Equal("employer-channel", SlotFiller.Read(Dialog(dialog), text, askedSlot: null).Values[slot]);
    }

    [Theory]
    [InlineData("expressvpn over my China Unicom broadband")]
    [InlineData("a paid vpn app on my china mobile sim")]
    [InlineData("中国电信宽带上用付费VPN")]
    public void A_VPN_app_over_an_operators_line_is_a_third_party_service(string answer)
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), answer, askedSlot: "provider", LanguageDetector.Detect(answer));

        Assert.Equal("unlicensed-service", reading.Values["provider"]);
    }

    [Theory]
    [InlineData("China Telecom")]
    [InlineData("my broadband")]
    [InlineData("中国移动")]
    public void A_bare_operator_name_answers_the_line_not_its_international_service(string answer)
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), answer, askedSlot: "provider", LanguageDetector.Detect(answer));

        Assert.Equal("unsure", reading.Values["provider"]);
    }

    [Fact]
    public void An_operator_name_stated_in_passing_fills_no_service()
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), "I live in Guangzhou and have China Telecom broadband", askedSlot: null);

        Assert.False(reading.Values.ContainsKey("provider"));
    }
}
