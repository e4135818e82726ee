using System.Text.Json.Nodes;

namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>A button as a channel shows it: its title and the data it posts back.</summary>
/// <param name="Title">The label.</param>
/// <param name="Value">The flat string pairs posted back when it is clicked.</param>
public sealed record ObservedButton(string Title, IReadOnlyDictionary<string, string> Value);

/// <summary>
/// One bot reply as a conversation script sees it, whatever carried it (the core assistant, the Bot Framework
/// endpoint, a console): its full text, its machine-readable value (<c>docs/reply-format.md</c>, "Machine-readable replies") and its buttons.
/// </summary>
/// <param name="Text">Everything readable: body, sources and small print.</param>
/// <param name="Value">The <c>value</c> object, or null when the reply has none.</param>
/// <param name="Buttons">The buttons, in order.</param>
public sealed record ObservedReply(string Text, JsonObject? Value, IReadOnlyList<ObservedButton> Buttons)
{
    /// <summary>The value's <c>type</c> (answer, clarify, fallback, prompt, verdict), or null.</summary>
    public string? Type => Field("type");

    /// <summary>The value's <c>dialog</c>, or null.</summary>
    public string? Dialog => Field("dialog");

    /// <summary>The value's <c>slot</c>, or null.</summary>
    public string? Slot => Field("slot");

    /// <summary>The value's <c>verdict</c>, or null.</summary>
    public string? Verdict => Field("verdict");

    /// <summary>The value's <c>id</c> (an answer's topic), or null.</summary>
    public string? Id => Field("id");

    /// <summary>The value's <c>facts</c> (slot id to value id); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Facts =>
        Value?["facts"] is JsonObject facts
            ? facts.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>();

    /// <summary>The value ids of a prompt's <c>choices</c>; empty when none.</summary>
    public IReadOnlyList<string> Choices =>
        Value?["choices"] is JsonArray choices ? choices.Select(c => c?["value"]?.ToString() ?? string.Empty).ToList() : [];

    /// <summary>
    /// Builds the observed form of a core <see cref="BotReply"/>: its text, a "Sources:" line ("出处：" for a reply in
    /// Chinese, as the channels label it) and its small print.
    /// </summary>
    public static ObservedReply From(BotReply reply)
    {
        var sources = reply.Language == Core.Text.Language.Chinese ? "出处：" : "Sources: ";
        var text = string.Join("\n\n", new[]
        {
            reply.Text,
            reply.Sources.Count > 0 ? sources + string.Join("; ", reply.Sources.Select(s => s.Text)) : null,
            reply.Footer,
        }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new ObservedReply(text, reply.Value?.ToJson(), reply.Actions.Select(a => new ObservedButton(a.Title, a.Value)).ToList());
    }

    /// <summary>A one-line summary for transcripts and failure messages, e.g. <c>[prompt personal-vpn-check/provider] Which service…</c>.</summary>
    public string Summary()
    {
        var kind = Type switch
        {
            null => "message",
            "prompt" => $"prompt {Dialog}/{Slot}",
            "verdict" => $"verdict {Dialog}={Verdict} {{{string.Join(", ", Facts.Select(f => $"{f.Key}: {f.Value}"))}}}",
            "answer" => $"answer {Id}",
            "clarify" => "clarify " + string.Join("|", (Value?["candidates"] as JsonArray ?? []).Select(c => c?["id"]?.ToString())),
            var other => other,
        };
        var firstLine = Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return $"[{kind}] {(firstLine.Length > 90 ? firstLine[..90] + "…" : firstLine)}";
    }

    private string? Field(string name) => Value?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
