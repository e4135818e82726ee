using ComplianceBot.Core.Validation;

namespace ComplianceBot.Content;

/// <summary>
/// Maps <c>GET /api/status</c>: which content the bot serves and how the last reload went. Read-only; shows no
/// secrets and no user data.
/// </summary>
/// <remarks>
/// Response (JSON): <c>status</c> (<c>ok</c>, or <c>degraded</c> when the last reload failed and the previous
/// content is still served); <c>content</c>: <c>hash</c> (SHA-256 of the files, 64 hex digits), <c>shortHash</c>
/// (12 digits, the <c>contentVersion</c> of every reply), <c>loadedAt</c> (UTC), <c>asOf</c> (YYYY-MM-DD), counts;
/// <c>lastReload</c>: <c>at</c>, <c>succeeded</c>, <c>version</c> (short hash of the files it read), <c>errors</c> and
/// <c>warnings</c> (each <c>path:line:column: severity: message</c>; in errors quoted file text is elided, see
/// <see cref="Line"/>; warnings, which only content files that passed the schema produce, are shown in full; at most
/// <see cref="MaxWarningsListed"/> warnings, in the order <c>validate</c> prints them), <c>warningCount</c> (all the
/// reload's warnings, listed or not), <c>warningsPending</c> (true while the nearly-same-phrasings check of that reload still runs in the background:
/// its warnings are not yet listed).
/// Answers callers on this machine only unless <c>Hosting:AllowRemoteMonitoring</c>.
/// </remarks>
public static partial class StatusEndpoint
{
    /// <summary>The route.</summary>
    public const string Route = "/api/status";

    /// <summary>Adds the endpoint.</summary>
    public static IEndpointRouteBuilder MapContentStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, (ContentStore store) => Results.Json(Describe(store)));
        return endpoints;
    }

    private static object Describe(ContentStore store)
    {
        var served = store.Current.Snapshot;
        var last = store.LastResult;
        var failed = last is { Content: null };
        return new
        {
            status = failed ? "degraded" : "ok",
            content = new
            {
                hash = served.Version.Hash,
                shortHash = served.Version.ShortHash,
                loadedAt = served.Version.LoadedAt,
                asOf = served.Version.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                topics = served.Knowledge.Topics.Count,
                dialogs = served.Dialogs.Count,
                regulations = served.Knowledge.Regulations.Count,
                synonymGroups = served.Knowledge.Synonyms.Count,
                outOfScopeGroups = served.Knowledge.OutOfScope.Count,
                complianceContact = ComplianceBot.Core.Knowledge.OutOfScopeGroup.HasComplianceContact(served.Knowledge) ? "configured" : "not configured",
            },
            lastReload = last is null ? null : new
            {
                at = last.Version.LoadedAt,
                succeeded = !failed,
                version = last.Version.ShortHash,
                errors = last.Messages.Where(m => m.Severity == Severity.Error).Select(Line).ToList(),
                warnings = WarningLines(last.Messages),
                warningCount = last.Messages.Count(m => m.Severity == Severity.Warning),
                warningsPending = last.Pending is not null,
            },
        };
    }

    // Warnings come only from files that parsed and passed the schema (content, not a linked system file), so the
    // phrasings they quote are shown: an author cannot act on "phrasing '…' is the same as '…'". Still capped in length,
    // and in number: 10,000 topics can give 100,000 nearly-same warnings (about 20 MB of JSON on every call).
    private static List<string> WarningLines(IEnumerable<ValidationMessage> messages) =>
        messages.Where(m => m.Severity == Severity.Warning).Take(MaxWarningsListed).Select(WarningLine).ToList();

    /// <summary>
    /// The most warnings <c>lastReload.warnings</c> lists (the first ones); <c>warningCount</c> gives them all, and
    /// <c>validate</c> prints them all.
    /// </summary>
    public const int MaxWarningsListed = 200;

    /// <summary>
    /// Warning <paramref name="message"/> as shown to operators: <c>path:line:column: warning: message</c> in full, at
    /// most <see cref="MaxLineLength"/> characters.
    /// </summary>
    public static string WarningLine(ValidationMessage message) => Capped(message.ToString());

    private static string Capped(string text) => text.Length > MaxLineLength ? text[..MaxLineLength] + "…" : text;

    /// <summary>
    /// <paramref name="message"/> as shown to operators: <c>path:line:column: severity: message</c>, with every quoted
    /// fragment the message took from a file replaced by <c>'…'</c> unless it is a short name (a key or a value: at most
    /// 40 letters, digits, spaces, '.', '_' or '-'), an id (at most 80 lower-case letters and digits in words joined by
    /// single '-', '_' or '.': <c>public-security-administration-punishments-law</c>) or a single punctuation mark (the
    /// <c>'['</c> of a YAML hint), and at most <see cref="MaxLineLength"/> characters, so a file that is not content (a
    /// link to <c>/etc/passwd</c>) is never echoed. The authors' tools (<c>validate</c>, the log) keep the full text.
    /// </summary>
    public static string Line(ValidationMessage message)
    {
        return Capped(Quoted().Replace(message.ToString(), m => Shown(m.Value[1..^1]) ? m.Value : "'…'"));
    }

    /// <summary>The longest line of <c>errors</c> and <c>warnings</c>.</summary>
    public const int MaxLineLength = 500;

    [System.Text.RegularExpressions.GeneratedRegex(@"'[^'\r\n]{1,}'|""[^""\r\n]{1,}""")]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    private static bool Shown(string quoted) =>
        ShortName().IsMatch(quoted) || Id().IsMatch(quoted) || (quoted.Length == 1 && char.IsPunctuation(quoted[0]));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\p{N} ._-]{1,40}$")]
    private static partial System.Text.RegularExpressions.Regex ShortName();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?=.{1,80}$)[a-z0-9]+(?:[-_.][a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Id();
}
