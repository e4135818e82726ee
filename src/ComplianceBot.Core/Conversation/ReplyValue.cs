using System.Text.Json.Nodes;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// The machine-readable <c>value</c> object of a reply (<c>docs/reply-format.md</c>, "Machine-readable replies"), so programs can read what the bot
/// decided without parsing prose. Every value also carries <c>contentVersion</c>: the short hash of the content
/// it came from.
/// </summary>
public abstract record ReplyValue
{
    /// <summary>The <c>type</c> field: <c>answer</c>, <c>clarify</c>, <c>fallback</c>, <c>prompt</c> or <c>verdict</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Short hash of the content version (see <see cref="Knowledge.ContentVersion.ShortHash"/>); null when unknown.</summary>
    public string? ContentVersion { get; init; }

    /// <summary>The value as JSON, <c>type</c> first, then the type's fields, then <c>contentVersion</c>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        WriteFields(json);
        if (ContentVersion is not null)
        {
            json["contentVersion"] = ContentVersion;
        }

        return json;
    }

    /// <summary>Adds the type's own fields to <paramref name="json"/>.</summary>
    protected abstract void WriteFields(JsonObject json);

    /// <summary>A JSON array of strings.</summary>
    protected static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}

/// <summary><c>{"type":"answer","id":"&lt;faq id&gt;","confidence":0.0-1.0,"citations":["&lt;regulation id&gt;", ...], "offers": ["dialog:&lt;id&gt;"]}</c>.</summary>
/// <param name="Id">The topic answered.</param>
/// <param name="Confidence">Matcher confidence in [0, 1]; 1 for a button click.</param>
/// <param name="Citations">Distinct regulation ids cited, in citation order.</param>
/// <param name="Offers">Dialogs offered as buttons, as <c>dialog:&lt;id&gt;</c>; the field is omitted when empty.</param>
public sealed record AnswerValue(string Id, double Confidence, IReadOnlyList<string> Citations, IReadOnlyList<string> Offers) : ReplyValue
{
    /// <inheritdoc />
    public override string Type => "answer";

    /// <inheritdoc />
    protected override void WriteFields(JsonObject json)
    {
        json["id"] = Id;
        json["confidence"] = Math.Round(Confidence, 3);
        json["citations"] = Strings(Citations);
        if (Offers.Count > 0)
        {
            json["offers"] = Strings(Offers);
        }
    }
}

/// <summary><c>{"type":"clarify","candidates":[{"id":"&lt;faq id or dialog:&lt;dialog id&gt;&gt;","confidence":0.0-1.0}, ...]}</c>.</summary>
/// <param name="Candidates">The 2-3 candidates offered, best first.</param>
public sealed record ClarifyValue(IReadOnlyList<MatchCandidate> Candidates) : ReplyValue
{
    /// <inheritdoc />
    public override string Type => "clarify";

    /// <inheritdoc />
    protected override void WriteFields(JsonObject json) =>
        json["candidates"] = new JsonArray(Candidates
            .Select(c => (JsonNode?)new JsonObject { ["id"] = c.Id, ["confidence"] = Math.Round(c.Confidence, 3) })
            .ToArray());
}

/// <summary>
/// <c>{"type":"fallback"}</c>: out of scope, or no confident match. When the question was recognised as a kind the
/// bot declines (knowledge/out-of-scope.yaml), <c>"reason"</c> names that group, e.g. <c>"it-support"</c>.
/// </summary>
public sealed record FallbackValue : ReplyValue
{
    /// <summary>The out-of-scope group the question was recognised as, or null when nothing matched.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string Type => "fallback";

    /// <inheritdoc />
    protected override void WriteFields(JsonObject json)
    {
        if (Reason is not null)
        {
            json["reason"] = Reason;
        }
    }
}

/// <summary>One choice offered by a dialog prompt.</summary>
/// <param name="Value">The value id (<c>docs/reply-format.md</c>, "Decision dialogs"), e.g. <c>licensed-operator</c>.</param>
/// <param name="Title">The label shown on the button.</param>
public sealed record PromptChoice(string Value, string Title);

/// <summary>
/// <c>{"type":"prompt","dialog":"&lt;dialog id&gt;","slot":"&lt;slot id&gt;","choices":[{"value":"&lt;value id&gt;","title":"&lt;label&gt;"}, ...]}</c>:
/// a decision dialog asks for one fact.
/// </summary>
/// <param name="Dialog">The dialog id.</param>
/// <param name="Slot">The slot being asked for.</param>
/// <param name="Choices">The values the user may pick, in the dialog file's order.</param>
public sealed record PromptValue(string Dialog, string Slot, IReadOnlyList<PromptChoice> Choices) : ReplyValue
{
    /// <inheritdoc />
    public override string Type => "prompt";

    /// <inheritdoc />
    protected override void WriteFields(JsonObject json)
    {
        json["dialog"] = Dialog;
        json["slot"] = Slot;
        json["choices"] = new JsonArray(Choices
            .Select(c => (JsonNode?)new JsonObject { ["value"] = c.Value, ["title"] = c.Title })
            .ToArray());
    }
}

/// <summary>
/// <c>{"type":"verdict","dialog":"&lt;dialog id&gt;","verdict":"&lt;verdict&gt;","facts":{"&lt;slot id&gt;":"&lt;value id&gt;", ...},"citations":["&lt;regulation id&gt;", ...]}</c>.
/// </summary>
/// <param name="Dialog">The dialog id.</param>
/// <param name="Verdict"><c>permitted</c>, <c>conditional</c>, <c>not-permitted</c> or <c>needs-review</c>.</param>
/// <param name="Facts">The slot values the verdict relied on, in the dialog's slot order.</param>
/// <param name="Citations">Distinct regulation ids cited by the verdict.</param>
public sealed record VerdictValue(string Dialog, string Verdict, IReadOnlyList<KeyValuePair<string, string>> Facts, IReadOnlyList<string> Citations) : ReplyValue
{
    /// <inheritdoc />
    public override string Type => "verdict";

    /// <inheritdoc />
    protected override void WriteFields(JsonObject json)
    {
        json["dialog"] = Dialog;
        json["verdict"] = Verdict;
        var facts = new JsonObject();
        foreach (var (slot, value) in Facts)
        {
            facts[slot] = value;
        }

        json["facts"] = facts;
        json["citations"] = Strings(Citations);
    }
}
