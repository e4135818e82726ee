using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Reporting;

/// <summary>
/// Removes the personal data people commonly type into a question before it is stored in the unanswered log, then
/// normalises what is left the way the matcher does (<see cref="TextNormalizer"/>: lowercase words, no punctuation).
/// </summary>
/// <remarks>
/// Redaction works on the text as typed, because normalising first turns <c>li.wei@corp.cn</c> into
/// <c>li wei corp cn</c>, which no pattern can tell from ordinary words. After HTML entities are decoded and
/// full-width characters folded (NFKC), in order:
/// <list type="number">
/// <item>everything after <c>password</c>, <c>passwd</c>, <c>passcode</c>, <c>passphrase</c>, <c>pwd</c>, <c>pw:</c>, <c>pass:</c>, <c>pin:</c>, <c>密码</c> or <c>口令</c> → <c>&lt;redacted&gt;</c>;
/// a login written as a pair (<c>login is admin / Tr0ub4dor</c>) → <c>login &lt;redacted&gt;</c>;</item>
/// <item>mentions from any channel (<c>&lt;at&gt;Name&lt;/at&gt;</c>) and Slack user or group mentions (<c>&lt;@U123ABC&gt;</c>,
/// <c>&lt;!subteam^S1|@team&gt;</c>) → <c>&lt;mention&gt;</c>; other Slack links (<c>&lt;mailto:…|…&gt;</c>, <c>&lt;http…|label&gt;</c>)
/// are reduced to their target, which the next rules replace;</item>
/// <item>a web address with a scheme (<c>https://host/path?query</c>), whole → <c>&lt;url&gt;</c>;</item>
/// <item>an email address, also written out (<c>john dot smith at acme dot com</c>) or spaced (<c>wei @ corp . cn</c>) → <c>&lt;address&gt;</c>; a handle
/// (<c>@bob.jones</c>, <c>@grace</c>) → <c>&lt;mention&gt;</c>;</item>
/// <item>a web address without a scheme: <c>www.…</c>, or a host name ending in a common top-level domain
/// (<c>example.com</c>, <c>corp.cn/x</c>), with its path and query, or any host name with a path (short links such as
/// <c>bit.ly/3xYz</c>) → <c>&lt;url&gt;</c>;</item>
/// <item><c>wxid_…</c> and the id written after a word that announces one (<c>wechat id zhangwei_88</c>, <c>微信号：li88</c>,
/// <c>user jane.doe</c>; after id/user/username/wechat/qq/line/telegram/skype/…) → <c>&lt;id&gt;</c>: when it looks
/// like an id (a digit, <c>_</c>, <c>.</c> or <c>-</c>), or after an explicit "id"/"username"/"微信号" unless a common word;</item>
/// <item>user and object ids: Teams/Azure AD ids (<c>29:1Ab…</c>, <c>8:orgid:…</c>), GUIDs, Slack ids
/// (<c>U0123ABCD</c>), ticket numbers (<c>INC-55</c>, <c>JIRA-1234</c>) → <c>&lt;id&gt;</c>;</item>
/// <item>phone numbers spelled out digit by digit, 7 or more (<c>one three eight zero …</c>, <c>一三八零…</c>) → <c>&lt;number&gt;</c>;</item>
/// <item>phone numbers and other numbers written in groups (<c>+86 138-0013-8000</c>) with 7 or more digits in all → <c>&lt;number&gt;</c>;</item>
/// <item>any word containing a run of 4 or more digits (ids, phone numbers, <c>hunter2024</c>) → <c>&lt;number&gt;</c>.</item>
/// </list>
/// The text between placeholders is then normalised. Names and other free text cannot be recognised reliably and are
/// kept; that is why the log also keeps rows only for a limited time (<see cref="UnansweredOptions.RetentionDays"/>).
/// </remarks>
public static partial class PersonalDataRedactor
{
    /// <summary>Placeholder for what followed a password keyword.</summary>
    public const string Redacted = "<redacted>";

    /// <summary>Placeholder for a web address.</summary>
    public const string Url = "<url>";

    /// <summary>Placeholder for an email address.</summary>
    public const string Address = "<address>";

    /// <summary>Placeholder for a phone number or other long number.</summary>
    public const string Number = "<number>";

    /// <summary>Placeholder for a user, object or ticket id.</summary>
    public const string Id = "<id>";

    /// <summary>Placeholder for a mention of a person or group (Teams <c>&lt;at&gt;</c>, Slack <c>&lt;@U…&gt;</c>).</summary>
    public const string Mention = "<mention>";

    // Placeholders are written as private-use characters while redacting, so no later rule can match inside one.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    private const string Tlds = "com|net|org|edu|gov|mil|info|biz|io|cn|hk|mo|tw|uk|sg|jp|kr|de|fr|au|ca|eu|nl|ch|ru";

    // Characters a URL may contain (RFC 3986), so Chinese text written right after an address is not taken with it.
    private const string UrlChars = @"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]";

    [GeneratedRegex(@"(?<keyword>(?<![a-z])(?:password|passwd|passcode|passphrase|pwd|pw(?=\s*[:=：])|pass(?=\s*[:=])|pin(?=\s*[:=]))|密码|口令)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AfterPassword();

    // Slack's <@U…> and <!here>-style mentions (Teams' <at>…</at> is AnyAtMarkup's).
    [GeneratedRegex(@"<[@!](?:[^<>|]*)(?:\|[^<>]*)?>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionMarkup();

    // <at>…</at> from any channel (the Emulator and web chat too), also when the tag carries attributes or spaces.
    [GeneratedRegex(@"<\s*at\b[^>]*>.*?<\s*/\s*at\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AnyAtMarkup();

    [GeneratedRegex(@"<(?:mailto:(?<target>[^<>|\s]+)|(?<target>(?:https?://|#)[^<>|\s]+))(?:\|[^<>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex SlackLink();

    // john dot smith at acme dot com, li (at) corp [dot] cn: the last dot must be written out, else Email() takes it.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z0-9_%+-]+(?:" + Dot + @"[A-Za-z0-9_%+-]+)*(?:\s*@\s*|\s*[(\[]\s*at\s*[)\]]\s*|\s+at\s+)[A-Za-z0-9-]+(?:" + Dot + @"[A-Za-z0-9-]+)*(?:\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+)(?:" + Tlds + @")(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex ObfuscatedEmail();

    private const string Dot = @"(?:\s*\.\s*|\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+)";

    // @bob.jones, @grace, @张伟: a handle as typed in any channel.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])@(?:[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?|\p{IsCJKUnifiedIdeographs}{1,4})")]
    private static partial Regex Handle();

    // A short link or other domain-like host with a path, whatever its top-level domain: bit.ly/3xYz, t.co/abc.
    [GeneratedRegex(@"(?<![A-Za-z0-9.@/-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/" + UrlChars + "+", RegexOptions.IgnoreCase)]
    private static partial Regex HostWithPath();

    // wxid_abc123, and the id written after a word that announces one (wechat id zhangwei_88, 微信号：li88, user jane.doe):
    // id-like (a digit, _, . or -), or anything but a common word after an explicit "id"/"username"/"微信号".
    [GeneratedRegex(@"(?<![A-Za-z0-9])wxid_[A-Za-z0-9_\-]+|(?:(?<![A-Za-z])(?:id|user(?:\s*name)?|login|account|handle|wechat|weixin|qq|line|telegram|skype|signal|whatsapp)(?:\s*(?:id|号))?(?:\s*[:=：]\s*|\s+is\s+|\s+)|(?:微信号|微信|账号|帐号|用户名|QQ号)\s*(?:是|为|[:=：])?\s*)(?<id>(?=[A-Za-z0-9_.\-]*[A-Za-z_])[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?)", RegexOptions.IgnoreCase)]
    private static partial Regex AnnouncedId();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:https?|ftp)://" + UrlChars + "+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlWithScheme();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![A-Za-z0-9.@-])(?:www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|(?:[A-Za-z0-9-]+\.)+(?:" + Tlds + @")(?![A-Za-z0-9-]))(?::\d+)?(?:[/?#]" + UrlChars + "*)?", RegexOptions.IgnoreCase)]
    private static partial Regex UrlWithoutScheme();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:\d{1,2}:[A-Za-z0-9_:\-]{10,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?-i:[UWBST](?=[A-Z0-9]*\d)[A-Z0-9]{8,10}|[A-Z][A-Z0-9]{1,9}-\d+))(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();

    [GeneratedRegex(@"(?<![A-Za-z0-9])\+?\(?\d[\d\s\-.()/]*\d(?![A-Za-z0-9])")]
    private static partial Regex DigitGroups();

    [GeneratedRegex(@"(?<![a-z0-9])[a-z0-9]*\d{4,}[a-z0-9]*(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex LongNumber();

    [GeneratedRegex("\uE000(?<name>[a-z]+)\uE001")]
    private static partial Regex Placeholder();

    // A login written as a pair: "login is admin / Tr0ub4dor", "credentials: bob/hunter2" (the keyword is kept).
    [GeneratedRegex(@"(?<keyword>(?<![a-z])(?:login|log-in|sign-in|signin|credentials?|username|user|account)(?![a-z]))[^/\n]{0,40}?\S[ \t]*/[ \t]*\S+", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialPair();

    // An email address typed with spaces around '@' and '.' ("li wei @ corp . cn"), ending in a common top-level domain.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+[ \t]*@[ \t]*[A-Za-z0-9-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9-]+){0,4}[ \t]*\.[ \t]*(?:" + Tlds + @")(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex SpacedEmail();

    // A number spelled out digit by digit, 7 or more digits ("one three eight zero zero ...", "double eight",
    // "一三八零零一三八零零零"): a phone number read aloud.
    [GeneratedRegex(@"(?<![a-z])(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|plus)(?:[\s,.-]+|$)){7,}|[零〇一二三四五六七八九幺两]{7,}", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledDigits();

    /// <summary>
    /// <paramref name="typedText"/> (the question as the person typed it) with the personal data listed in the remarks
    /// replaced by placeholders and the rest normalised, e.g. <c>Hi, I'm John Smith, john.smith@acme.com +86 138 0013 8000 can I use Tor?</c>
    /// → <c>hi im john smith &lt;address&gt; &lt;number&gt; can i use tor</c>.
    /// </summary>
    public static string Redact(string typedText)
    {
        if (string.IsNullOrWhiteSpace(typedText))
        {
            return string.Empty;
        }

        var text = typedText.Contains('&') ? WebUtility.HtmlDecode(WebUtility.HtmlDecode(typedText)) : typedText;
        text = text.Normalize(NormalizationForm.FormKC).Replace(Open, ' ').Replace(Close, ' ');
        text = AfterPassword().Replace(text, m =>
            m.Groups["keyword"].Value + (m.Groups["rest"].Value.Trim().Length > 0 ? " " + Mark(Redacted) : string.Empty));
        text = CredentialPair().Replace(text, m => m.Groups["keyword"].Value + " " + Mark(Redacted));
        text = MentionMarkup().Replace(text, Mark(Mention));
        text = AnyAtMarkup().Replace(text, Mark(Mention));
        text = SlackLink().Replace(text, m => " " + m.Groups["target"].Value.TrimStart('#') + " ");
        text = UrlWithScheme().Replace(text, m => Mark(Url) + TrailingPunctuation(m.Value));
        text = Email().Replace(text, Mark(Address));
        text = ObfuscatedEmail().Replace(text, Mark(Address));
        text = SpacedEmail().Replace(text, Mark(Address));
        text = Handle().Replace(text, Mark(Mention));
        text = UrlWithoutScheme().Replace(text, m => Mark(Url) + TrailingPunctuation(m.Value));
        text = HostWithPath().Replace(text, m => Mark(Url) + TrailingPunctuation(m.Value));
        text = AnnouncedId().Replace(text, AnnouncedIdReplacement);
        text = Ids().Replace(text, Mark(Id));
        text = DigitGroups().Replace(text, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? " " + Mark(Number) + " " : m.Value);
        text = SpelledDigits().Replace(text, " " + Mark(Number) + " ");
        return Normalize(text);
    }

    /// <summary>Normalises the text between placeholders, keeps the placeholders, and replaces words with long digit runs.</summary>
    private static string Normalize(string marked)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (Match placeholder in Placeholder().Matches(marked))
        {
            parts.Add(LongNumber().Replace(TextNormalizer.Normalize(marked[start..placeholder.Index]), Number));
            parts.Add("<" + placeholder.Groups["name"].Value + ">");
            start = placeholder.Index + placeholder.Length;
        }

        parts.Add(LongNumber().Replace(TextNormalizer.Normalize(marked[start..]), Number));
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    private static string AnnouncedIdReplacement(Match match)
    {
        var id = match.Groups["id"];
        if (!id.Success)
        {
            return Mark(Id); // wxid_…
        }

        var idLike = id.Value.Any(c => char.IsAsciiDigit(c) || c is '_' or '.' or '-');
        var announced = match.Value[..(id.Index - match.Index)];
        var explicitId = announced.Contains("id", StringComparison.OrdinalIgnoreCase) || announced.Contains("name", StringComparison.OrdinalIgnoreCase)
            || announced.Contains('号') || announced.Contains('：') || announced.Contains(':') || announced.Contains('=')
            || !announced.Any(char.IsAsciiLetter);
        return idLike || (explicitId && !CommonWords.Contains(id.Value))
            ? announced + Mark(Id)
            : match.Value;
    }

    // Words that follow "id"/"username" in ordinary questions ("id card", "user name and password"): not ids.
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "is", "are", "and", "or", "of", "for", "to", "in", "on", "with", "card", "cards", "number",
        "numbers", "required", "needed", "check", "checks", "verification", "registration", "please", "when", "if",
        "do", "does", "can", "must", "should", "be", "was", "not", "i", "my", "we", "our", "it", "that", "this",
    };

    private static string Mark(string placeholder) => Open + placeholder[1..^1] + Close;

    /// <summary>The sentence punctuation a URL pattern took from after the address (<c>see https://x.com/a.</c>), kept as text.</summary>
    private static string TrailingPunctuation(string url)
    {
        var end = url.Length;
        while (end > 0 && url[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'' or ']')
        {
            end--;
        }

        return url[end..];
    }
}
