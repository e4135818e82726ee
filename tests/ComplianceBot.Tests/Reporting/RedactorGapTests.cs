using ComplianceBot.Reporting;

namespace ComplianceBot.Tests.Reporting;

/// <summary>Personal data typed in ways the first patterns missed: spaced addresses, spelled-out numbers, short password keywords, login pairs.</summary>
public sealed class RedactorGapTests
{
    [Theory]
    [InlineData("my email is li wei @ corp . cn can i use a vpn", "<address>", new[] { "corp", " cn" })]
    [InlineData("write to wei.li @ example . com.", "<address>", new[] { "example", "wei li" })]
    [InlineData("call me on one three eight zero zero one three eight zero zero zero", "<number>", new[] { "eight", "three" })]
    [InlineData("my number is 一三八零零一三八零零零 thanks", "<number>", new[] { "一三八" })]
    [InlineData("pw: Secr3t!", "pw <redacted>", new[] { "secr3t", "secret" })]
    [InlineData("login is admin / Tr0ub4dor can i share it", "login <redacted>", new[] { "admin", "tr0ub4dor" })]
    public void The_data_is_replaced_by_its_placeholder(string typed, string expected, string[] gone)
    {
        var redacted = PersonalDataRedactor.Redact(typed);

        Assert.Contains(expected, redacted);
        Assert.All(gone, g => Assert.DoesNotContain(g, redacted, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("is one vpn for two people ok", "is one vpn for two people ok")]
    [InlineData("can i use a vpn at home", "can i use a vpn at home")]
    [InlineData("user guide for the company vpn", "user guide for the company vpn")]
    public void Ordinary_questions_are_kept(string typed, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.Redact(typed));
}
