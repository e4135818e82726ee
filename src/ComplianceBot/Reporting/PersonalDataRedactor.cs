using System.Text.RegularExpressions;

namespace ComplianceBot.Reporting;

/// <summary>
/// Removes the personal data people commonly type into a question before it is stored in the unanswered log.
/// Works on normalised text (lowercase words separated by spaces, punctuation already gone, as
/// <c>TextNormalizer</c> makes it), where <c>john.smith@acme.com</c> has become <c>john smith acme com</c>.
/// </summary>
/// <remarks>
/// In order:
/// <list type="number">
/// <item>everything after <c>password</c>, <c>passwd</c>, <c>passcode</c>, <c>pwd</c>, <c>密码</c> or <c>口令</c> → <c>&lt;redacted&gt;</c>;</item>
/// <item>a web address starting with <c>http</c>, <c>https</c> or <c>www</c>, up to its top-level domain → <c>&lt;url&gt;</c>;</item>
/// <item>a word followed by a generic top-level domain (<c>com</c>, <c>net</c>, <c>org</c>, <c>edu</c>, <c>gov</c>, <c>info</c>, <c>biz</c>,
/// optionally with a country such as <c>com cn</c>): the domain of an email or web address → <c>&lt;address&gt;</c>;</item>
/// <item>numbers written in groups with 7 or more digits in all (<c>86 138 0013 8000</c>) → <c>&lt;number&gt;</c>;</item>
/// <item>any word containing a run of 4 or more digits (ids, phone numbers, <c>hunter2024</c>) → <c>&lt;number&gt;</c>.</item>
/// </list>
/// Names and other free text cannot be recognised reliably and are kept; that is why the log also keeps rows only
/// for a limited time (<see cref="UnansweredOptions.RetentionDays"/>).
/// </remarks>
public static partial class PersonalDataRedactor
{
    /// <summary>Placeholder for what followed a password keyword.</summary>
    public const string Redacted = "<redacted>";

    /// <summary>Placeholder for a web address.</summary>
    public const string Url = "<url>";

    /// <summary>Placeholder for the domain of an email or web address.</summary>
    public const string Address = "<address>";

    /// <summary>Placeholder for a phone number, id or other long number.</summary>
    public const string Number = "<number>";

    private const string Country = "(?: (?:cn|hk|mo|tw|uk|sg|jp|kr|de|fr|au|us|in))?";

    [GeneratedRegex(@"(?<keyword>(?<![a-z])(?:password|passwd|passcode|pwd)|密码|口令)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AfterPassword();

    [GeneratedRegex(@"(?<![a-z0-9])(?:https?(?: www)?|www)(?: [a-z0-9-]+){1,5}? (?:com|net|org|edu|gov|info|biz|io|cn|hk|uk|de|jp|sg|tw|co|me|app|dev|ai)" + Country + "(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"(?<![a-z0-9])[a-z0-9-]+ (?:com|net|org|edu|gov|info|biz)" + Country + "(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Domain();

    [GeneratedRegex(@"(?<![a-z0-9])\d+(?: \d+)+(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex DigitGroups();

    [GeneratedRegex(@"(?<![a-z0-9])[a-z0-9]*\d{4,}[a-z0-9]*(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex LongNumber();

    /// <summary>
    /// <paramref name="normalizedText"/> with the personal data listed in the remarks replaced by placeholders,
    /// e.g. <c>hi im john smith acme com 86 138 0013 8000 can i use tor</c> →
    /// <c>hi im john smith &lt;address&gt; &lt;number&gt; can i use tor</c>.
    /// </summary>
    public static string Redact(string normalizedText)
    {
        var text = AfterPassword().Replace(normalizedText, m =>
            m.Groups["keyword"].Value + (m.Groups["rest"].Value.Trim().Length > 0 ? " " + Redacted : string.Empty));
        text = WebAddress().Replace(text, Url);
        text = Domain().Replace(text, Address);
        text = DigitGroups().Replace(text, m => m.Value.Count(char.IsAsciiDigit) >= 7 ? Number : m.Value);
        text = LongNumber().Replace(text, Number);
        return text;
    }
}
