using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Knowledge;

/// <summary>One FAQ topic (file <c>knowledge/topics/&lt;id&gt;.yaml</c>); its id never changes meaning (<c>docs/reply-format.md</c>, "Topic ids").</summary>
/// <param name="Id">Stable topic id, e.g. <c>personal-paid-vpn</c>.</param>
/// <param name="Version">Content version of the entry, bumped by authors on each edit.</param>
/// <param name="Title">Short title (under 40 characters) shown on buttons.</param>
/// <param name="Audience">Who the topic is for.</param>
/// <param name="Answer">The answer in Markdown; its first sentence answers the question.</param>
/// <param name="Phrasings">How people ask it, per language.</param>
/// <param name="Citations">The regulations the answer relies on; at least one.</param>
/// <param name="Related">Ids of related topics, offered after the answer.</param>
/// <param name="Offers">Decision dialogs offered with the answer, as <c>dialog:&lt;id&gt;</c>.</param>
/// <param name="Featured">True when the topic is offered in the fallback menu.</param>
/// <param name="LastReviewed">When the compliance team last reviewed the entry.</param>
/// <param name="ReviewBy">When the entry should be reviewed again, if set.</param>
public sealed record Topic(
    string Id,
    int Version,
    LocalizedText Title,
    IReadOnlyList<Audience> Audience,
    LocalizedText Answer,
    IReadOnlyDictionary<Language, IReadOnlyList<string>> Phrasings,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Offers,
    bool Featured,
    DateOnly LastReviewed,
    DateOnly? ReviewBy);
