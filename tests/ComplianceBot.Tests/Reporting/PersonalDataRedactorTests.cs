using ComplianceBot.Core.Matching;
using ComplianceBot.Reporting;

namespace ComplianceBot.Tests.Reporting;

/// <summary>What people type into a question, as the unanswered log receives it (normalised), with personal data replaced.</summary>
public class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("hi im John Smith, john.smith@acme.com +86 138 0013 8000 can i use tor", "hi im john smith john smith <address> <number> can i use tor")]
    [InlineData("my employee id is 12345 and my password is hunter2, can i use tor?", "my employee id is <number> and my password <redacted>")]
    [InlineData("我的密码是hunter2 能用VPN吗", "我的密码 <redacted>")]
    [InlineData("call me on 13800138000 about vpn", "call me on <number> about vpn")]
    [InlineData("我的电话是13800138000", "我的电话是<number>")]
    [InlineData("is https://www.example.com/vpn/guide ok", "is <url> vpn guide ok")]
    [InlineData("mail li.wei@corp.com.cn about the channel", "mail li wei <address> about the channel")]
    [InlineData("my badge is ab123456x", "my badge is <number>")]
    public void Personal_data_is_replaced_by_placeholders(string typed, string stored) =>
        Assert.Equal(stored, PersonalDataRedactor.Redact(TextNormalizer.Normalize(typed)));

    [Theory]
    [InlineData("can i use a vpn in hk for 2 weeks")]
    [InlineData("forticlient error 14 when connecting from home")]
    [InlineData("is a vpn legal for a telecom company")]
    [InlineData("公司专线可以转租吗")]
    public void An_ordinary_question_is_kept_as_it_is(string typed)
    {
        var normalized = TextNormalizer.Normalize(typed);

        Assert.Equal(normalized, PersonalDataRedactor.Redact(normalized));
    }
}
