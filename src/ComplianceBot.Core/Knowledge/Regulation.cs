namespace ComplianceBot.Core.Knowledge;

/// <summary>How far the facts of a regulation entry have been checked against a primary source.</summary>
public enum VerificationStatus
{
    /// <summary>Checked against the text of the instrument (<c>verified</c>).</summary>
    Verified,

    /// <summary>Some facts checked, some not; the entry's note says which (<c>partially-verified</c>).</summary>
    PartiallyVerified,

    /// <summary>Not checked: the bot tells readers to confirm with the compliance team (<c>unverified</c>).</summary>
    Unverified,
}

/// <summary>One article (or numbered item or service code) of a regulation that content may cite.</summary>
/// <param name="Number">The article's number as written in content, e.g. <c>"6"</c>, <c>"23"</c>, <c>"A14-1"</c>.</param>
/// <param name="Summary">A one-line summary of what the article says.</param>
/// <param name="Verified">False when the wording was not checked (shown as UNVERIFIED).</param>
/// <param name="Note">Optional remark, e.g. an earlier numbering.</param>
public sealed record RegulationArticle(string Number, string Summary, bool Verified, string? Note);

/// <summary>A legal instrument the knowledge base cites (file <c>knowledge/regulations/&lt;id&gt;.yaml</c>).</summary>
/// <param name="Id">Stable id, e.g. <c>cybersecurity-law</c>.</param>
/// <param name="Version">Content version of the entry, bumped by authors on each edit.</param>
/// <param name="Name">Full official (or common translated) name.</param>
/// <param name="ShortName">Short name used in "Sources" lines.</param>
/// <param name="Issuer">Issuing body.</param>
/// <param name="DocumentNumber">Document or order number; empty when the instrument has none.</param>
/// <param name="Adopted">Date adopted or issued, if known.</param>
/// <param name="Revised">Revision dates, oldest first.</param>
/// <param name="InForce">Date the current text took effect, if known.</param>
/// <param name="Verification">How far the entry was checked.</param>
/// <param name="VerificationNote">What was checked and what was not.</param>
/// <param name="Sources">Where the facts were read.</param>
/// <param name="Articles">Articles that content may cite.</param>
public sealed record Regulation(
    string Id,
    int Version,
    LocalizedText Name,
    LocalizedText ShortName,
    LocalizedText Issuer,
    string DocumentNumber,
    DateOnly? Adopted,
    IReadOnlyList<DateOnly> Revised,
    DateOnly? InForce,
    VerificationStatus Verification,
    string? VerificationNote,
    IReadOnlyList<string> Sources,
    IReadOnlyList<RegulationArticle> Articles)
{
    /// <summary>The article numbered <paramref name="number"/>, or <see langword="null"/>.</summary>
    public RegulationArticle? FindArticle(string number) =>
        Articles.FirstOrDefault(a => string.Equals(a.Number, number, StringComparison.OrdinalIgnoreCase));
}
