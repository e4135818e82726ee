namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>What one reply carrying a <c>value</c> must look like; null fields are not checked.</summary>
/// <param name="Type">The value's <c>type</c>.</param>
/// <param name="Dialog">The value's <c>dialog</c>.</param>
/// <param name="Slot">A prompt's <c>slot</c>.</param>
/// <param name="Verdict">A verdict's <c>verdict</c>.</param>
/// <param name="Id">An answer's topic <c>id</c>.</param>
/// <param name="Facts">A verdict's <c>facts</c>, compared exactly.</param>
/// <param name="Choices">A prompt's choice value ids, compared exactly and in order.</param>
/// <param name="Text">Fragments the reply's text must contain (case-insensitive).</param>
/// <param name="Buttons">Titles of buttons the reply must offer (case-insensitive).</param>
public sealed record ReplyExpectation(
    string? Type,
    string? Dialog,
    string? Slot,
    string? Verdict,
    string? Id,
    IReadOnlyDictionary<string, string>? Facts,
    IReadOnlyList<string>? Choices,
    IReadOnlyList<string> Text,
    IReadOnlyList<string> Buttons)
{
    /// <summary>What is wrong with <paramref name="reply"/>, one line per difference; null when it matches.</summary>
    public string? Mismatch(ObservedReply reply)
    {
        var problems = new List<string>();
        void Compare(string field, string? expected, string? actual)
        {
            if (expected is not null && !string.Equals(expected, actual, StringComparison.Ordinal))
            {
                problems.Add($"{field}: expected {expected}, got {actual ?? "(none)"}");
            }
        }

        Compare("type", Type, reply.Type);
        Compare("dialog", Dialog, reply.Dialog);
        Compare("slot", Slot, reply.Slot);
        Compare("verdict", Verdict, reply.Verdict);
        Compare("id", Id, reply.Id);
        if (Facts is not null && !Same(Facts, reply.Facts))
        {
            problems.Add($"facts: expected {Show(Facts)}, got {Show(reply.Facts)}");
        }

        if (Choices is not null && !Choices.SequenceEqual(reply.Choices, StringComparer.Ordinal))
        {
            problems.Add($"choices: expected [{string.Join(", ", Choices)}], got [{string.Join(", ", reply.Choices)}]");
        }

        problems.AddRange(Text.Where(t => !reply.Text.Contains(t, StringComparison.OrdinalIgnoreCase)).Select(t => $"text: does not contain \"{t}\""));
        problems.AddRange(Buttons.Where(b => !reply.Buttons.Any(x => string.Equals(x.Title, b, StringComparison.OrdinalIgnoreCase)))
            .Select(b => $"buttons: no \"{b}\" (has: {string.Join(", ", reply.Buttons.Select(x => x.Title))})"));
        return problems.Count == 0 ? null : string.Join("\n", problems);
    }

    /// <summary>A short description, e.g. <c>verdict personal-vpn-check=not-permitted</c>.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Type, Dialog is null ? null : Dialog + (Slot is null ? string.Empty : "/" + Slot), Verdict, Id,
            Facts is null ? null : Show(Facts) }.Where(p => p is not null));

    private static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Show(IReadOnlyDictionary<string, string> facts) =>
        "{" + string.Join(", ", facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}")) + "}";
}

/// <summary>
/// One user turn of a script and what the bot must reply. Exactly one of <see cref="User"/> (optionally with
/// <see cref="Value"/>), <see cref="Value"/>, <see cref="Click"/>, <see cref="Attachment"/> or <see cref="Deploy"/> says what happens.
/// </summary>
/// <param name="Line">1-based line of the step in its file.</param>
/// <param name="User">Text the user types (may be empty).</param>
/// <param name="Value">Button data sent with the message, e.g. <c>{"slot": "purpose", "choice": "work"}</c>.</param>
/// <param name="Click">A button of the previous turn's replies to click: its title, or its number in the last reply with buttons.</param>
/// <param name="Attachment">True to send an attachment-only message.</param>
/// <param name="Deploy">A content change to make before the next step (no message is sent).</param>
/// <param name="Expect">The replies carrying a value, in order and exactly that many; null when not checked.</param>
/// <param name="Says">Fragments that must appear somewhere in the turn's replies (case-insensitive).</param>
/// <param name="NotSays">Fragments that must not appear in the turn's replies (case-insensitive).</param>
public sealed record ScriptStep(
    int Line,
    string? User,
    IReadOnlyDictionary<string, string>? Value,
    string? Click,
    bool Attachment,
    ContentChange? Deploy,
    IReadOnlyList<ReplyExpectation>? Expect,
    IReadOnlyList<string> Says,
    IReadOnlyList<string> NotSays)
{
    /// <summary>How the step reads in a transcript, e.g. <c>&gt; can I use my VPN</c>.</summary>
    public string Describe() => Deploy is not null ? $"~ deploy: {Deploy.Kind} {Deploy.DialogId}"
        : Click is not null ? $"> (click) {Click}"
        : Attachment ? "> (attachment only)"
        : Value is not null ? $"> (button) {{{string.Join(", ", Value.Select(kv => $"{kv.Key}: {kv.Value}"))}}}" + (string.IsNullOrEmpty(User) ? string.Empty : $" \"{User}\"")
        : $"> \"{User}\"";
}

/// <summary>A scripted conversation: user turns and the replies expected, run in a fresh conversation.</summary>
/// <param name="Name">What the script shows, e.g. "provider self-built decides at once (text)".</param>
/// <param name="File">The file it came from (as given to the loader).</param>
/// <param name="Line">1-based line of the script in its file.</param>
/// <param name="Steps">The turns, in order.</param>
public sealed record ConversationScript(string Name, string File, int Line, IReadOnlyList<ScriptStep> Steps);
