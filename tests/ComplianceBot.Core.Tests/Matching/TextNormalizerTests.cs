using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Tests.Matching;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Is VPN Legal?", "is vpn legal")]
    [InlineData("ＶＰＮ　合法吗？", "vpn 合法吗")] // full-width letters, ideographic space and question mark
    [InlineData("vpn\u00A0legal\u2003in\u200Bchina", "vpn legal in china")] // NBSP, em space, zero-width space
    [InlineData("“Encrypted” VPN — is it OK…", "encrypted vpn is it ok")] // typographic quotes, dash, ellipsis
    [InlineData("what’s the company's fine", "what the company fine")] // typographic apostrophe; possessive 's dropped
    [InlineData("we don't sublease", "we dont sublease")] // other apostrophes keep the word whole
    [InlineData("is it legal?!?!!", "is it legal")] // repeated punctuation
    [InlineData("fines &amp; penalties&nbsp;for me", "fines penalties for me")] // HTML entities
    [InlineData("fines &amp;amp; penalties", "fines penalties")] // double-escaped entity (as Teams sends) decodes fully
    [InlineData("<at>ComplianceBot</at> is my vpn legal", "is my vpn legal")] // Teams mention markup
    [InlineData("<at id=\"0\">Compliance</at> <at id=\"1\">Bot</at>\r\n can I use a VPN", "can i use a vpn")] // split mention + CR/LF
    [InlineData("<p>is <b>sd-wan</b> allowed</p>", "is sd wan allowed")] // HTML tags, hyphen splits words
    [InlineData("vpn 🙂👍 ok", "vpn ok")] // emoji
    public void Normalises_channel_text_to_plain_words(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\r\n ")]
    [InlineData("?!...")]
    [InlineData("🙂👍🎉")]
    [InlineData("<at>ComplianceBot</at>")]
    [InlineData("&nbsp;&nbsp;")]
    public void Markup_punctuation_and_emoji_only_input_normalises_to_empty(string? input)
    {
        Assert.Equal(string.Empty, TextNormalizer.Normalize(input));
    }
}
