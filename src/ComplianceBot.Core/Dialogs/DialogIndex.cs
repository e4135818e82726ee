using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// What the bot reads messages with for one decision dialog, built once when the content loads (never during a
/// turn): every choice phrase of every slot as comparison tokens (<see cref="UtteranceTokens"/>), and the dialog's
/// situation cues. Immutable and thread-safe; one per dialog per content version (<see cref="Conversation.ServedContent.DialogIndexes"/>).
/// </summary>
public sealed class DialogIndex
{
    private DialogIndex(DialogDefinition dialog, IReadOnlyList<SlotPhrase> phrases, IReadOnlyList<string[]> cues, IReadOnlyList<string[]> requests)
    {
        Dialog = dialog;
        Phrases = phrases;
        Cues = cues;
        Requests = requests;
        var byFirstToken = new Dictionary<string, SlotPhrase[]>(StringComparer.Ordinal);
        foreach (var group in phrases.Where(p => p.Tokens.Length > 0).GroupBy(p => p.Tokens[0], StringComparer.Ordinal))
        {
            byFirstToken[group.Key] = [.. group];
        }

        ByFirstToken = byFirstToken;
        LongestPhrase = phrases.Select(p => p.Tokens.Length).DefaultIfEmpty(0).Max();
        _spellers = dialog.Slots.ToDictionary(s => s.Id, Speller, StringComparer.Ordinal);
        _unsureMeansDontKnow = dialog.Slots.Where(SlotFiller.UnsureMeansDontKnow).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
    }

    // Slots whose `unsure` choice has a synonym or answer saying the writer doesn't know ("not sure", "不清楚"); not its label.
    private readonly HashSet<string> _unsureMeansDontKnow;

    /// <summary>
    /// True when the <c>unsure</c> choice of slot <paramref name="slot"/> has a phrase saying the writer doesn't know
    /// ("not sure", "no idea", "不清楚"): a bare hedge or "dunno" then takes it. The trip check's <c>unsure</c> is a company
    /// VPN app whose channel is unconfirmed, not "I don't know how I'll connect", so there they get the options again.
    /// </summary>
    internal bool UnsureMeansDontKnow(string slot) => _unsureMeansDontKnow.Contains(slot);

    // Typed words shorter than this are never corrected ("bj", "fro"): too many near neighbours.
    private const int MinTypoLength = 4;

    // Per slot: a corrector towards the English words of its choices' phrases (synonyms, answers, labels), built once.
    private readonly Dictionary<string, SpellingCorrector> _spellers;

    /// <summary>The <see cref="SlotPhrase.Value"/> of a <see cref="SlotPhraseKind.NoneOfThese"/> phrase: it names no value.</summary>
    internal const string NoValue = "";

    /// <summary>The dialog this index reads for.</summary>
    public DialogDefinition Dialog { get; }

    /// <summary>
    /// Every choice phrase: a value's synonyms (count anywhere), and its answers, label and id (count only as the reply to
    /// its slot); and each slot's phrases for none of its choices (count anywhere, with <see cref="NoValue"/>).
    /// </summary>
    internal IReadOnlyList<SlotPhrase> Phrases { get; }

    /// <summary>
    /// <see cref="Phrases"/> by their first token, each list in the order of <see cref="Phrases"/>: a message's token is
    /// compared only with the phrases that can start there (built once here, not per message).
    /// </summary>
    internal IReadOnlyDictionary<string, SlotPhrase[]> ByFirstToken { get; }

    /// <summary>The number of tokens of the longest of <see cref="Phrases"/>; 0 when there are none.</summary>
    internal int LongestPhrase { get; }

    /// <summary>The situation cues as tokens; empty when the dialog has none.</summary>
    internal IReadOnlyList<string[]> Cues { get; }

    /// <summary>The check request phrases as tokens; empty when the dialog has none.</summary>
    internal IReadOnlyList<string[]> Requests { get; }

    /// <summary>Builds the index of <paramref name="dialog"/>.</summary>
    public static DialogIndex Build(DialogDefinition dialog)
    {
        var phrases = new List<SlotPhrase>();
        foreach (var slot in dialog.Slots)
        {
            foreach (var choice in slot.Choices)
            {
                void Add(IEnumerable<string> texts, SlotPhraseKind kind)
                {
                    foreach (var text in texts)
                    {
                        var tokens = UtteranceTokens.Of(text);
                        if (tokens.Length > 0)
                        {
                            phrases.Add(new SlotPhrase(slot.Id, choice.Value, tokens, kind));
                        }
                    }
                }

                Add(choice.Synonyms.All, SlotPhraseKind.Synonym);
                Add(choice.Answers.All, SlotPhraseKind.Answer);
                Add([choice.Label.En, choice.Label.Zh ?? string.Empty, choice.Value.Replace('-', ' ')], SlotPhraseKind.Answer);
            }

            foreach (var text in slot.NoneOfThese?.Phrases.All ?? [])
            {
                if (UtteranceTokens.Of(text) is { Length: > 0 } tokens)
                {
                    phrases.Add(new SlotPhrase(slot.Id, NoValue, tokens, SlotPhraseKind.NoneOfThese));
                }
            }
        }

        var cues = (dialog.SituationCues?.All ?? []).Select(UtteranceTokens.Of).Where(p => p.Length > 0).ToList();
        var requests = (dialog.CheckRequests?.All ?? []).Select(UtteranceTokens.Of).Where(p => p.Length > 0).ToList();
        return new DialogIndex(dialog, phrases, cues, requests);
    }

    /// <summary>
    /// <paramref name="text"/>, normalised, with each English word of at least 4 letters that is one edit away from a word
    /// of slot <paramref name="slot"/>'s choice phrases (and is none of them) replaced by it ("wrok" = "work", "shangahi" =
    /// "shanghai"); null when no word changed.
    /// </summary>
    internal string? CorrectTowards(string slot, string? text)
    {
        if (!_spellers.TryGetValue(slot, out var speller))
        {
            return null;
        }

        var words = TextNormalizer.Normalize(text).Split(' ');
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length >= MinTypoLength && words[i].All(char.IsAsciiLetterLower) && speller.Correct(words[i]) is { } corrected)
            {
                words[i] = corrected;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : null;
    }

    private static SpellingCorrector Speller(DialogSlot slot)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var choice in slot.Choices)
        {
            foreach (var phrase in choice.Synonyms.En.Concat(choice.Answers.En).Append(choice.Label.En))
            {
                foreach (var word in TextNormalizer.Normalize(phrase).Split(' ').Where(w => w.Length > 0 && w.All(char.IsAsciiLetterLower)))
                {
                    words[word] = words.GetValueOrDefault(word) + 1;
                }
            }
        }

        return new SpellingCorrector(words);
    }

    /// <summary>
    /// True when <paramref name="tokens"/> (a message's <see cref="UtteranceTokens"/>) contain one of the dialog's
    /// situation cues, not negated ("not travelling" is no trip), or the dialog has none.
    /// </summary>
    public bool HasSituationCue(IReadOnlyList<string> tokens) => Cues.Count == 0 || SlotFiller.ContainsAny(Cues, tokens);

    /// <summary>
    /// True when <paramref name="tokens"/> (a message's <see cref="UtteranceTokens"/>) contain a phrase of one of slot
    /// <paramref name="slot"/>'s values (a synonym, an answer such as "yes", a label), not negated.
    /// </summary>
    public bool Names(string slot, IReadOnlyList<string> tokens)
    {
        foreach (var phrase in Phrases)
        {
            if (phrase.Slot == slot && phrase.Kind != SlotPhraseKind.NoneOfThese && SlotFiller.Contains(phrase.Tokens, tokens))
            {
                return true;
            }
        }

        return false;
    }

    // Words that carry no content of their own in a terse answer ("mpls from china telecom", "在上海", "we use it for work").
    private static readonly HashSet<string> FunctionWords = new(UtteranceTokens.Of(
        "i im am is are was we it its they use using used from in at on for to of with via through and or by be will just only also "
        + "mostly mainly usually currently now here there 我 们 在 用 是 的 了 从 到 走 都 也 就 主 要 一 般"), StringComparer.Ordinal);

    /// <summary>
    /// True when <paramref name="tokens"/> (a message's <see cref="UtteranceTokens"/>) say nothing but facts of this dialog:
    /// every token is part of one of its synonyms, situation cues or check requests, one of <paramref name="otherWords"/>
    /// (the tokens of the places the message names), or a function word ("mpls from china telecom" for the overseas
    /// branch check; "penalties for subleasing" has "penalties" besides).
    /// </summary>
    public bool SaysOnlyFacts(IReadOnlyList<string> tokens, IReadOnlySet<string> otherWords)
    {
        var covered = new bool[tokens.Count];
        void Cover(string[] phrase)
        {
            for (var start = 0; start + phrase.Length <= tokens.Count; start++)
            {
                var matches = true;
                for (var i = 0; i < phrase.Length && matches; i++)
                {
                    matches = string.Equals(tokens[start + i], phrase[i], StringComparison.Ordinal);
                }

                if (matches)
                {
                    Array.Fill(covered, true, start, phrase.Length);
                }
            }
        }

        foreach (var phrase in Phrases.Where(p => p.Kind != SlotPhraseKind.Answer))
        {
            Cover(phrase.Tokens);
        }

        foreach (var phrase in Cues.Concat(Requests))
        {
            Cover(phrase);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            covered[i] |= FunctionWords.Contains(tokens[i]) || otherWords.Contains(tokens[i]);
        }

        return Array.TrueForAll(covered, c => c);
    }

    /// <summary>
    /// True when one of the dialog's situation cues stands right before <paramref name="place"/> (a place name as
    /// <see cref="UtteranceTokens"/>) in <paramref name="tokens"/>, with at most "to" between: "going to beijing",
    /// "flying to shanghai", "visiting shenzhen", "去北京"; not "im in shanghai, going to use the company vpn".
    /// </summary>
    public bool CueBefore(IReadOnlyList<string> tokens, string[] place)
    {
        if (place.Length == 0)
        {
            return false;
        }

        for (var at = 1; at + place.Length <= tokens.Count; at++)
        {
            if (!tokens.Skip(at).Take(place.Length).SequenceEqual(place, StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var end in tokens[at - 1] == "to" ? [at, at - 1] : new[] { at })
            {
                foreach (var cue in Cues)
                {
                    if (end >= cue.Length && tokens.Skip(end - cue.Length).Take(cue.Length).SequenceEqual(cue, StringComparer.Ordinal)
                        && SlotFiller.Contains(cue, tokens.Take(end).ToList()))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when the dialog has situation cues and <paramref name="tokens"/> contain one (not negated).</summary>
    public bool HasOwnSituationCue(IReadOnlyList<string> tokens) => Cues.Count > 0 && SlotFiller.ContainsAny(Cues, tokens);

    /// <summary>
    /// How many of the dialog's check request phrases ("help me decide", "帮我判断") <paramref name="tokens"/> contain,
    /// not negated; 0 when none (or the dialog has none).
    /// </summary>
    public int RequestCount(IReadOnlyList<string> tokens)
    {
        var count = 0;
        foreach (var request in Requests)
        {
            if (SlotFiller.Contains(request, tokens))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>Whether a choice phrase counts anywhere or only as the answer to its own slot.</summary>
internal enum SlotPhraseKind
{
    /// <summary>Names the value anywhere (a synonym).</summary>
    Synonym,

    /// <summary>Means the value only as the reply to its slot's question (an answer, the label, the value id).</summary>
    Answer,

    /// <summary>Names, anywhere, something that is none of the slot's choices (<see cref="DialogSlot.NoneOfThese"/>): the slot stays open.</summary>
    NoneOfThese,
}

/// <summary>One choice phrase as tokens.</summary>
internal sealed record SlotPhrase(string Slot, string Value, string[] Tokens, SlotPhraseKind Kind);
