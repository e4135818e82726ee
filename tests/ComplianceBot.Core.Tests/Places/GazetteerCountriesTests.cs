using ComplianceBot.Core.Places;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Places;

/// <summary>The shipped gazetteer knows every country, and does not find one inside other words.</summary>
public sealed class GazetteerCountriesTests
{
    private static Gazetteer Places => RealContent.Served.Snapshot.Places;

    [Theory]
    [InlineData("is a VPN legal in Norway", "norway")]
    [InlineData("VPN rules in Egypt", "egypt")]
    [InlineData("can i use a vpn in kazakhstan", "kazakhstan")]
    [InlineData("vpn legal in Warsaw?", "poland")]
    [InlineData("在埃及用VPN合法吗", "egypt")]
    [InlineData("vpn legality germany", "germany")]
    public void A_country_where_the_question_is_set_is_found_outside_the_mainland(string text, string place)
    {
        var mention = Assert.Single(Places.Read(text));
        Assert.Equal(place, mention.PlaceId);
        Assert.Equal(Jurisdiction.Elsewhere, mention.Jurisdiction);
        Assert.Equal(PlaceRole.Setting, mention.Role);
    }

    [Theory]
    [InlineData("沿海地区能用vpn吗")] // 海地 is Haiti only on its own
    [InlineData("增加纳税申报要翻墙吗")] // 加纳 is Ghana only on its own
    [InlineData("is there a family reunion exception")] // Réunion only with its accent
    public void A_country_name_inside_other_words_is_no_place(string text) =>
        Assert.DoesNotContain(Places.Read(text), p => p.IsOutsideMainland);

    [Fact]
    public void Inner_Mongolia_is_the_mainland() =>
        Assert.Equal(Jurisdiction.MainlandChina, Assert.Single(Places.Read("内蒙古能用vpn吗")).Jurisdiction);
}
