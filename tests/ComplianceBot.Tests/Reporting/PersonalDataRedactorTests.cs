using ComplianceBot.Reporting;

namespace ComplianceBot.Tests.Reporting;

/// <summary>
/// What people type into a question, as the unanswered log receives it (the text as typed), with personal data
/// replaced before the rest is normalised.
/// </summary>
public class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("hi im John Smith, john.smith@acme.com +86 138 0013 8000 can i use tor", "hi im john smith <address> <number> can i use tor")]
    [InlineData("my employee id is 12345 and my password is hunter2, can i use tor?", "my employee id is <number> and my password <redacted>")]
    [InlineData("我的密码是hunter2 能用VPN吗", "我的密码 <redacted>")]
    [InlineData("call me on 13800138000 about vpn", "call me on <number> about vpn")]
    [InlineData("我的电话是13800138000", "我的电话是 <number>")]
    [InlineData("is https://www.example.com/vpn/guide ok", "is <url> ok")]
    [InlineData("mail li.wei@corp.com.cn about the channel", "mail <address> about the channel")]
    [InlineData("my badge is ab123456x", "my badge is <number>")]
    // the QA findings: normalising first had turned these into ordinary words
    [InlineData("Can I use a VPN abroad? mail me at li.wei@corp.cn", "can i use a vpn abroad mail me at <address>")]
    [InlineData("john@example.com", "<address>")]
    [InlineData("Is this allowed: https://example.com/page", "is this allowed <url>")]
    [InlineData("see ticket INC-55 at https://itsm.corp/x?id=5", "see ticket <id> at <url>")]
    // more: Chinese with a phone number, addresses without a scheme, mentions and ids
    [InlineData("我的手机号是 +86 138-0013-8000，可以用VPN吗？", "我的手机号是 <number> 可以用vpn吗")]
    [InlineData("请打电话给我：138 0013 8000", "请打电话给我 <number>")]
    [InlineData("is www.example.com/x allowed?", "is <url> allowed")]
    [InlineData("is example.cn/vpn?user=li.wei a legal site", "is <url> a legal site")]
    [InlineData("see example.com.", "see <url>")]
    [InlineData("发邮件到li.wei@corp.cn可以吗", "发邮件到 <address> 可以吗")]
    [InlineData("<at>Wang Fang</at> asked if tor is ok", "<mention> asked if tor is ok")]
    [InlineData("<@U024BE7LH> asked if tor is ok", "<mention> asked if tor is ok")]
    [InlineData("ask <mailto:li.wei@corp.cn|li.wei@corp.cn> about tor", "ask <address> about tor")]
    [InlineData("user 29:1AbCdEfGhIjKlMnOp says vpn", "user <id> says vpn")]
    [InlineData("object 3f2504e0-4f89-11d3-9a0c-0305e82c3301 vpn", "object <id> vpn")]
    [InlineData("Slack user U024BE7LH asked", "slack user <id> asked")]
    [InlineData("ＩＮＣ－５５ ｆｒｏｍ ｌｉ．ｗｅｉ＠ｃｏｒｐ．ｃｎ", "<id> from <address>")]
    public void Personal_data_is_replaced_by_placeholders(string typed, string stored) =>
        Assert.Equal(stored, PersonalDataRedactor.Redact(typed));

    [Theory]
    [InlineData("can i use a vpn in hk for 2 weeks", "can i use a vpn in hk for 2 weeks")]
    [InlineData("forticlient error 14 when connecting from home", "forticlient error 14 when connecting from home")]
    [InlineData("is a vpn legal for a telecom company", "is a vpn legal for a telecom company")]
    [InlineData("公司专线可以转租吗", "公司专线可以转租吗")]
    [InlineData("Can I use Windows11 and a VPN? It's for work.", "can i use windows11 and a vpn it for work")]
    [InlineData("what does art. 21 say about e.g. logs", "what does art 21 say about e g logs")]
    public void An_ordinary_question_is_kept_normalised(string typed, string stored) =>
        Assert.Equal(stored, PersonalDataRedactor.Redact(typed));
}
