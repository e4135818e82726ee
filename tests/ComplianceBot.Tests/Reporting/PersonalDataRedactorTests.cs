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
    // QA round 2: handles, mentions from any channel, announced user ids, short links, more password words, obfuscated e-mail
    [InlineData("ask @bob.jones if tor is ok", "ask <mention> if tor is ok")]
    [InlineData("@grace is a paid vpn legal", "<mention> is a paid vpn legal")]
    [InlineData("<at>Bob Jones</at> asked about vpn", "<mention> asked about vpn")]
    [InlineData("< at id=\"1\" >Bob Jones</ at > asked", "<mention> asked")]
    [InlineData("my wechat id zhangwei_88 can i use a vpn", "my wechat id <id> can i use a vpn")]
    [InlineData("微信号wxid_abc123 可以用VPN吗", "微信号 <id> 可以用vpn吗")]
    [InlineData("add me wxid_abc123", "add me <id>")]
    [InlineData("my telegram is li.wei88", "my telegram is <id>")]
    [InlineData("wechat id: zhangwei", "wechat id <id>")]
    [InlineData("user jane.doe cannot connect", "user <id> cannot connect")]
    [InlineData("username: jdoe please reset", "username <id> please reset")]
    [InlineData("is bit.ly/3xYz a vpn site", "is <url> a vpn site")]
    [InlineData("see t.co/AbC12 about it", "see <url> about it")]
    [InlineData("my vpn pass: hunter2", "my vpn pass <redacted>")]
    [InlineData("pwd 1234 for the vpn", "pwd <redacted>")]
    [InlineData("the passcode is 998877", "the passcode <redacted>")]
    [InlineData("mail john dot smith at acme dot com about tor", "mail <address> about tor")]
    [InlineData("li (at) corp [dot] cn", "<address>")]
    public void Personal_data_is_replaced_by_placeholders(string typed, string stored) =>
        Assert.Equal(stored, PersonalDataRedactor.Redact(typed));

    [Theory]
    [InlineData("can i use a vpn in hk for 2 weeks", "can i use a vpn in hk for 2 weeks")]
    [InlineData("forticlient error 14 when connecting from home", "forticlient error 14 when connecting from home")]
    [InlineData("is a vpn legal for a telecom company", "is a vpn legal for a telecom company")]
    [InlineData("公司专线可以转租吗", "公司专线可以转租吗")]
    [InlineData("Can I use Windows11 and a VPN? It's for work.", "can i use windows11 and a vpn it for work")]
    [InlineData("what does art. 21 say about e.g. logs", "what does art 21 say about e g logs")]
    [InlineData("Is it illegal for individuals to use paid international VPN services?", "is it illegal for individuals to use paid international vpn services")]
    [InlineData("do I need an id card to apply for a cross-border line?", "do i need an id card to apply for a cross border line")]
    [InlineData("can a user of our network pass the security review at work", "can a user of our network pass the security review at work")]
    [InlineData("what does the user id registration rule say and does line 5 apply", "what does the user id registration rule say and does line 5 apply")]
    [InlineData("my username and password for the vpn", "my username and password <redacted>")]
    [InlineData("can staff use wechat and qq on a corporate line", "can staff use wechat and qq on a corporate line")]
    [InlineData("who is responsible at the company if staff use illegal vpns", "who is responsible at the company if staff use illegal vpns")]
    [InlineData("企业跨境专线怎么申请", "企业跨境专线怎么申请")]
    public void An_ordinary_question_is_kept_normalised(string typed, string stored) =>
        Assert.Equal(stored, PersonalDataRedactor.Redact(typed));
}
