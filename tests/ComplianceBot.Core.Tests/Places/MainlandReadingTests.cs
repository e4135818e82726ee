using ComplianceBot.Core.Places;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Places;

/// <summary>A question set in a mainland city is read as one set in mainland China (the shipped gazetteer).</summary>
public sealed class MainlandReadingTests
{
    private static string? AsMainland(string text) => MainlandReading.AsMainland(text, RealContent.Served.Snapshot.Places.Read(text));

    [Theory]
    [InlineData("上海能用vpn吗", "中国能用vpn吗")]
    [InlineData("我在上海可以用翻墙软件吗", "我在中国可以用翻墙软件吗")]
    [InlineData("is a VPN legal in Shenzhen", "is a VPN legal in China")]
    [InlineData("I'm in Beijing, can I use a VPN?", "I'm in China, can I use a VPN?")]
    public void A_mainland_city_where_the_question_is_set_reads_as_China(string text, string expected) =>
        Assert.Equal(expected, AsMainland(text));

    [Theory]
    [InlineData("广州到香港的专线算国际专线吗")] // Hong Kong named: its jurisdiction matters
    [InlineData("can I use a Hong Kong SIM in Shenzhen?")]
    [InlineData("is a vpn legal in china")] // already China
    [InlineData("can I use a VPN?")] // no place
    public void A_message_naming_a_place_outside_the_mainland_or_no_city_is_read_as_typed(string text) =>
        Assert.Null(AsMainland(text));
}
