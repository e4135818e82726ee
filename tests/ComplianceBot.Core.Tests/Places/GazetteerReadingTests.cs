using ComplianceBot.Core.Places;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Places;

/// <summary>How the shipped gazetteer (knowledge/places.yaml) reads places in messages: which place, and whose.</summary>
public sealed class GazetteerReadingTests
{
    private static Gazetteer Places => RealContent.Served.Snapshot.Places;

    private static PlaceMention Single(string text)
    {
        var mentions = Places.Read(TraditionalChinese.ToSimplified(text));
        return Assert.Single(mentions);
    }

    [Theory]
    [InlineData("I'm in Tokyo, can I keep using ExpressVPN?", "japan", Jurisdiction.Elsewhere)]
    [InlineData("I'm in Berlin right now", "germany", Jurisdiction.Elsewhere)]
    [InlineData("flying to Beijing next week, can I use LetsVPN?", "mainland-china", Jurisdiction.MainlandChina)]
    [InlineData("we are based in Dubai", "united-arab-emirates", Jurisdiction.Elsewhere)]
    [InlineData("I live in HK and commute daily", "hong-kong", Jurisdiction.HongKongMacau)]
    [InlineData("business trip to Shanghai next month", "mainland-china", Jurisdiction.MainlandChina)]
    [InlineData("我在香港可以用VPN吗", "hong-kong", Jurisdiction.HongKongMacau)]
    [InlineData("下周去台北出差", "taiwan", Jurisdiction.Taiwan)]
    [InlineData("我人在東京，能用公司的VPN嗎", "japan", Jurisdiction.Elsewhere)]
    [InlineData("I'm currently in the U.S. for a conference", "united-states", Jurisdiction.Elsewhere)]
    public void The_writer_placing_themselves_is_their_own_location(string text, string place, Jurisdiction jurisdiction)
    {
        var mention = Single(text);
        Assert.Equal(place, mention.PlaceId);
        Assert.Equal(jurisdiction, mention.Jurisdiction);
        Assert.True(mention.OwnLocation, text);
    }

    [Theory]
    [InlineData("our Guangzhou team needs access to the channel", "mainland-china")]
    [InlineData("can we give a client in Berlin access to our line?", "germany")]
    [InlineData("can our sister company in Malaysia use our MPLS line?", "malaysia")]
    [InlineData("my colleague is flying to Tokyo tomorrow", "japan")]
    [InlineData("I have a US citizen on my team", "united-states")]
    [InlineData("we connect to servers in Singapore", "singapore")]
    [InlineData("香港的同事要遵守大陆的规定吗", "hong-kong")]
    [InlineData("客户在柏林，能给他开通专线吗", "germany")]
    [InlineData("can i use a hong kong vpn", "hong-kong")]
    [InlineData("用美国的VPN可以吗", "united-states")]
    [InlineData("我们在德国的子公司能接入国内专线吗", "germany")]
    [InlineData("can we add our joint venture in korea to our china line", "south-korea")]
    public void Someone_else_there_is_not_the_writers_location(string text, string place)
    {
        var mention = Places.Read(text).First(m => m.PlaceId == place);
        Assert.False(mention.OwnLocation, text);
        Assert.Equal(PlaceRole.ThirdParty, mention.Role);
    }

    [Theory]
    [InlineData("is using a vpn legal in the UAE", "united-arab-emirates")]
    [InlineData("is it legal to use a vpn in hong kong", "hong-kong")]
    [InlineData("what about Macau?", "macau")]
    [InlineData("HK", "hong-kong")]
    [InlineData("台北", "taiwan")]
    [InlineData("在日本用VPN合法吗", "japan")]
    [InlineData("what do Singapore's laws say about vpns", "singapore")]
    [InlineData("hong kong vpn rules", "hong-kong")]
    [InlineData("美国的VPN规定", "united-states")]
    public void A_question_set_there_has_it_as_setting(string text, string place)
    {
        var mention = Single(text);
        Assert.Equal(place, mention.PlaceId);
        Assert.Equal(PlaceRole.Setting, mention.Role);
    }

    [Theory]
    [InlineData("can you help us with the vpn rules?")]
    [InlineData("let us know what is allowed")]
    [InlineData("is our channel ok for hkust researchers")]
    [InlineData("合法国际业务有哪些")]
    [InlineData("CAN US STAFF USE THIS")]
    public void Words_that_only_look_like_places_name_none(string text)
    {
        Assert.Empty(Places.Read(text));
    }

    [Theory]
    [InlineData("is a vpn legal in the US", "the US")]
    [InlineData("our US office", "US")]
    [InlineData("moving to the USA", "USA")]
    [InlineData("I'm in the U.S.", "U.S")]
    public void The_United_States_only_as_a_name_never_the_pronoun(string text, string name)
    {
        var mention = Single(text);
        Assert.Equal("united-states", mention.PlaceId);
        Assert.Equal(name, mention.Name);
    }

    [Theory]
    [InlineData("I'm not in China, I'm in London")]
    [InlineData("I'm from Germany but I live in Shanghai")]
    public void A_negated_place_or_an_origin_is_not_where_the_writer_is(string text)
    {
        var mentions = Places.Read(text);
        Assert.Equal(2, mentions.Length);
        Assert.False(mentions[0].OwnLocation);
        Assert.True(mentions[1].OwnLocation);
    }

    [Fact]
    public void The_longest_name_wins_and_a_Chinese_abbreviation_needs_a_word_of_place()
    {
        Assert.Equal("hong-kong", Single("中国香港").PlaceId);
        Assert.Equal("hong-kong", Single("我在港工作").PlaceId);
        Assert.Empty(Places.Read("货物到港口以后"));
    }
}
