using System.Collections.Immutable;
using System.Globalization;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Places;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>What a message says about one decision dialog's slots, read as a first message (no slot asked).</summary>
/// <param name="DialogId">The dialog.</param>
/// <param name="Reading">The facts the message states for the dialog's slots (and those it names ambiguously or only negated).</param>
/// <param name="HasSituationCue">True when the message has one of the dialog's situation cues (or the dialog has none).</param>
public sealed record DialogReading(string DialogId, SlotReading Reading, bool HasSituationCue)
{
    /// <summary>How many of the dialog's check request phrases the message has ("help me decide", "帮我判断"); 0 when none.</summary>
    public int Requests { get; init; }

    /// <summary>True when the dialog has situation cues and the message has one (a trip): a more specific fit than facts alone.</summary>
    public bool HasOwnCue { get; init; }
}

/// <summary>One clause of a message that asks something, with how the matcher with dialog triggers reads it alone.</summary>
/// <param name="Text">The clause.</param>
/// <param name="Match">The match of the clause alone.</param>
public sealed record ClauseMatch(string Text, MatchResult Match);

/// <summary>
/// Everything the bot reads from one message, computed once per message by <see cref="TurnAnalyzer"/> before anything
/// is decided: the text, its language and script, places, the facts it states for each dialog, control words,
/// numbers, small talk, the form of the sentence, and the match results (each matcher run at most once). Immutable;
/// <see cref="TurnDecider.Decide"/> decides from it alone, and <c>explain</c> prints it (<see cref="Describe"/>).
/// </summary>
public sealed record TurnAnalysis
{
    /// <summary>The message as the channel delivered it.</summary>
    public required TurnInput Input { get; init; }

    /// <summary>The typed text, trimmed, with Traditional Chinese converted to Simplified (<see cref="Script"/> says it was Traditional); empty for a button without text.</summary>
    public required string Text { get; init; }

    /// <summary>The text as it is compared (<see cref="TextNormalizer.Normalize"/>): lowercase words, single spaces.</summary>
    public required string Normalized { get; init; }

    /// <summary>The language the turn is answered in: the message's, or the conversation's when the message has no words.</summary>
    public required Language Language { get; init; }

    /// <summary>True when the message's own words decided <see cref="Language"/> (the conversation's language then becomes it).</summary>
    public required bool LanguageFromText { get; init; }

    /// <summary>The script the message is written in.</summary>
    public required TextScript Script { get; init; }

    /// <summary>The message's comparison tokens (English words stemmed, each Chinese ideograph alone), as slots are read.</summary>
    public ImmutableArray<string> Tokens { get; init; } = [];

    /// <summary>Places the message names, with their jurisdiction; empty when none.</summary>
    public ImmutableArray<PlaceMention> Places { get; init; } = [];

    /// <summary>The list item the whole message points at ("2", "the second one", "第二个"); null otherwise (and for buttons).</summary>
    public int? Number { get; init; }

    /// <summary>True when <see cref="Number"/> comes from a button's title typed as the whole message, not from a number.</summary>
    public bool NumberFromTitle { get; init; }

    /// <summary>When <see cref="Number"/> picks one of the buttons last offered: that button's click, analysed; null otherwise.</summary>
    public TurnAnalysis? PickedButton { get; init; }

    /// <summary>The small talk the whole message is (hello, thanks, bye, help), or <see cref="SmallTalkKind.None"/>.</summary>
    public SmallTalkKind SmallTalk { get; init; }

    /// <summary>The control word the whole message is (cancel, back, why …), or <see cref="DialogCommand.None"/>.</summary>
    public DialogCommand Control { get; init; }

    /// <summary>True when the message asks something (question mark, question word, inverted auxiliary, Chinese particle).</summary>
    public bool IsQuestion { get; init; }

    /// <summary>True when the writer speaks of their own situation in the first person singular ("I'm…", "我…").</summary>
    public bool IsAboutOwnSituation { get; init; }

    /// <summary>True when the writer speaks of their organisation's case in the first person plural ("can our sister company…", "我们…").</summary>
    public bool IsAboutOwnOrganisation { get; init; }

    /// <summary>The facts the message states for each dialog of the content, as a first message, in the content's dialog order.</summary>
    public ImmutableArray<DialogReading> Stated { get; init; } = [];

    /// <summary>The follow-ups (<c>knowledge/follow-ups.yaml</c>) whose phrases the message has ("and for companies?"), by id; empty when none.</summary>
    public ImmutableArray<string> FollowUps { get; init; } = [];

    /// <summary>True when the message starts like a follow-up ("and …", "what about …", "那…") rather than a question of its own.</summary>
    public bool StartsAsFollowUp { get; init; }

    /// <summary>True when the message has a correction cue ("actually", "oh wait", "其实").</summary>
    public bool HasCorrectionCue { get; init; }

    /// <summary>
    /// While a check asks a slot: the message read as the answer to that slot (short answers, labels, numbers count); right
    /// after a verdict, when the message names a value of the check's last question, read as the answer to that question
    /// ("yes i think so"); null otherwise.
    /// </summary>
    public SlotReading? Answer { get; init; }

    /// <summary>The match of the FAQ matcher (topics and out-of-scope groups); null when the message is not matched (a button, small talk, a control word, a number).</summary>
    public MatchResult? TopicsMatch { get; init; }

    /// <summary>The match of the matcher with dialog triggers, when no check waits for an answer; null otherwise.</summary>
    public MatchResult? DialogsMatch { get; init; }

    /// <summary>When the message as a whole matches no dialog confidently: each of its clauses that asks something, matched alone; empty otherwise.</summary>
    public ImmutableArray<ClauseMatch> QuestionClauses { get; init; } = [];

    /// <summary>The reading for dialog <paramref name="dialogId"/>, or null when the content has no such dialog.</summary>
    public DialogReading? StatedFor(string? dialogId) => Stated.FirstOrDefault(r => r.DialogId == dialogId);

    /// <summary>The analysis as "name: value" lines, for <c>explain</c>.</summary>
    public IReadOnlyList<string> Describe()
    {
        static string Match(MatchResult? match) => match is null
            ? "(not matched)"
            : match.Outcome.ToString().ToLowerInvariant() + " " + string.Join(", ", match.Candidates.Select(c => $"{c.Id} ({c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})"));

        var lines = new List<string>
        {
            $"text:       {Text}",
            $"normalised: {Normalized}",
            $"language:   {Language.ToCode()}{(LanguageFromText ? string.Empty : " (the conversation's: the message has no words of its own)")}; script {Script.ToString().ToLowerInvariant()}",
            $"form:       {(IsQuestion ? "question" : "statement")}{(IsAboutOwnSituation ? ", own situation" : string.Empty)}{(IsAboutOwnOrganisation ? ", own organisation" : string.Empty)}",
        };
        if (SmallTalk != SmallTalkKind.None)
        {
            lines.Add($"small talk: {SmallTalk.ToString().ToLowerInvariant()}");
        }

        if (Control != DialogCommand.None)
        {
            lines.Add($"control:    {Control.ToString().ToLowerInvariant()}");
        }

        if (Number is { } number)
        {
            lines.Add($"number:     {number}{(NumberFromTitle ? " (its title typed)" : string.Empty)}{(PickedButton is { } picked ? $" (picks the button \"{picked.Text}\")" : string.Empty)}");
        }

        lines.Add("places:     " + (Places.IsDefaultOrEmpty ? "none" : string.Join(", ", Places.Select(p =>
            $"{p.Name} = {p.PlaceId} ({p.Jurisdiction}{(p.OwnLocation ? ", where the writer is or goes" : p.Role == PlaceRole.Setting ? ", where the question is set" : p.Role == PlaceRole.ThirdParty ? ", someone's or something's" : string.Empty)})"))));
        foreach (var reading in Stated.Where(r => !r.Reading.IsEmpty || r.Reading.Negated.Count > 0 || r.Reading.Open.Count > 0 || r.Requests > 0))
        {
            lines.Add($"facts:      {reading.DialogId}: {FactsOf(reading.Reading)}{(reading.HasSituationCue ? string.Empty : " (no situation cue)")}"
                      + (reading.Requests > 0 ? $" (asks to be checked: {reading.Requests})" : string.Empty));
        }

        if (!FollowUps.IsDefaultOrEmpty)
        {
            lines.Add($"follow-up:  {string.Join(", ", FollowUps)}{(StartsAsFollowUp ? " (starts like one)" : string.Empty)}");
        }

        if (HasCorrectionCue)
        {
            lines.Add("correction: the message has a correction cue");
        }

        if (Answer is { } answer)
        {
            lines.Add($"answer:     {FactsOf(answer)}{(answer.AskedSlotFromShortAnswer ? " (a short answer)" : string.Empty)}");
        }

        lines.Add($"faq match:  {Match(TopicsMatch)}");
        if (DialogsMatch is not null && !ReferenceEquals(DialogsMatch, TopicsMatch))
        {
            lines.Add($"checks:     {Match(DialogsMatch)} (matcher with dialog triggers)");
        }

        foreach (var clause in QuestionClauses)
        {
            lines.Add($"clause:     \"{clause.Text}\": {Match(clause.Match)}");
        }

        return lines;
    }

    private static string FactsOf(SlotReading reading)
    {
        var parts = reading.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")
            .Concat(reading.Ambiguous.Select(a => $"{a.Key}={string.Join("|", a.Value)}?"))
            .Concat(reading.Negated.Select(n => $"not {n}"))
            .Concat(reading.Open.Select(o => $"{o}=none of its choices"))
            .ToList();
        return parts.Count == 0 ? "nothing" : string.Join(" ", parts);
    }
}
