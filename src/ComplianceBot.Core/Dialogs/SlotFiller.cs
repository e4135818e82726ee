using System.Runtime.CompilerServices;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Reads slot values from free text with the dialog's choice phrases. A choice's <c>synonyms</c> count anywhere
/// (the first utterance, any answer); its <c>answers</c>, label, value id and number count only as the reply to
/// the slot being asked. Where phrases overlap, the longest wins ("not sure" beats "sure", "free of charge" beats
/// "charge"), also between phrases of two values of one slot that stand side by side ("自己搭的梯子" is self-built); a phrase right after a negation ("not for work", "不是工作") does not count; a slot for which
/// several values remain is reported as ambiguous rather than guessed.
/// </summary>
/// <remarks>Thread-safe; phrase indexes are built once per dialog definition.</remarks>
public static class SlotFiller
{
    // Negations and the filler words allowed between a negation and the phrase it negates. The tokens spell out
    // negative contractions ("don't", "dont" -> "do not") and read "never" as "not", so "not" covers them.
    private static readonly HashSet<string> Negations = new(UtteranceTokens.Of(
        "not without nor neither 不 非 没 无 别 未"), StringComparer.Ordinal);

    private static readonly HashSet<string> Fillers = new(UtteranceTokens.Of(
        "for a an the to be use using in on from by with really 用 是 在 于 给 会 要 太"), StringComparer.Ordinal);

    // Words that join a qualifier to what it qualifies ("自己搭的梯子", "a tunnel of my own").
    private static readonly HashSet<string> Linkers = new(UtteranceTokens.Of("的 之 个 of"), StringComparer.Ordinal);

    // A choice number ("2", "the second one") is only read from an answer this short.
    private const int MaxTokensForNumber = 4;

    private static readonly ConditionalWeakTable<DialogDefinition, List<Phrase>> Indexes = [];

    private enum PhraseKind
    {
        Synonym,
        Answer,
    }

    private sealed record Phrase(string Slot, string Value, string[] Tokens, PhraseKind Kind);

    private sealed record Occurrence(Phrase Phrase, int Start)
    {
        public int End => Start + Phrase.Tokens.Length;
    }

    /// <summary>
    /// Reads what <paramref name="text"/> says about <paramref name="dialog"/>'s slots. When <paramref name="askedSlot"/>
    /// is given, short answers, labels and choice numbers are accepted for that slot.
    /// </summary>
    /// <param name="dialog">The dialog whose slots to fill.</param>
    /// <param name="text">The message as typed; null or empty gives <see cref="SlotReading.Nothing"/>.</param>
    /// <param name="askedSlot">The slot the bot is asking for, or null (e.g. for the first utterance).</param>
    /// <param name="language">Language of the message, for reading choice numbers ("第二个").</param>
    public static SlotReading Read(DialogDefinition dialog, string? text, string? askedSlot, Language language = Language.English)
    {
        var tokens = UtteranceTokens.Of(text);
        if (tokens.Length == 0)
        {
            return SlotReading.Nothing;
        }

        var occurrences = Find(Index(dialog), tokens, askedSlot);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var askedFromShortAnswer = false;
        foreach (var group in occurrences.GroupBy(o => o.Phrase.Slot))
        {
            var specific = group.Where(o => o.Phrase.Kind == PhraseKind.Synonym).ToList();
            var counted = specific.Count > 0 ? specific : group.ToList();
            var named = counted.Select(o => o.Phrase.Value).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 1)
            {
                values[group.Key] = named[0];
                askedFromShortAnswer |= group.Key == askedSlot && specific.Count == 0;
            }
            else
            {
                ambiguous[group.Key] = dialog.FindSlot(group.Key)!.Choices.Select(c => c.Value).Where(named.Contains).ToList();
            }
        }

        // A number is read only from an answer that names nothing else: "one of our clients" is a recipient, not choice 1.
        if (askedSlot is not null && dialog.FindSlot(askedSlot) is { } slot
            && values.Count == 0 && ambiguous.Count == 0 && tokens.Length <= MaxTokensForNumber
            && ChoiceNumberReader.Read(text!, language, slot.Choices.Count) is { } number)
        {
            values[askedSlot] = slot.Choices[number - 1].Value;
            askedFromShortAnswer = true;
        }

        return new SlotReading(values, ambiguous, askedFromShortAnswer);
    }

    /// <summary>
    /// True when <paramref name="text"/> contains one of <paramref name="phrases"/> as choice phrases are matched (English
    /// whole words ignoring inflection, Chinese inside unspaced text), negated or not; <paramref name="orNone"/> when
    /// there are no phrases.
    /// </summary>
    internal static bool ContainsAny(IEnumerable<string> phrases, string? text, bool orNone)
    {
        var wanted = phrases.Select(UtteranceTokens.Of).Where(p => p.Length > 0).ToList();
        if (wanted.Count == 0)
        {
            return orNone;
        }

        var tokens = UtteranceTokens.Of(text);
        return wanted.Any(p => Enumerable.Range(0, Math.Max(0, tokens.Length - p.Length + 1)).Any(start => MatchesAt(tokens, start, p)));
    }

    private static List<Occurrence> Find(List<Phrase> phrases, string[] tokens, string? askedSlot)
    {
        var found = new List<Occurrence>();
        foreach (var phrase in phrases)
        {
            if (phrase.Kind == PhraseKind.Answer && phrase.Slot != askedSlot)
            {
                continue;
            }

            for (var start = 0; start + phrase.Tokens.Length <= tokens.Length; start++)
            {
                if (MatchesAt(tokens, start, phrase.Tokens) && !IsNegated(tokens, start))
                {
                    found.Add(new Occurrence(phrase, start));
                }
            }
        }

        // The longest phrase wins where phrases overlap: drop every occurrence inside a longer one. Where phrases of two
        // values of one slot overlap or stand side by side ("自己搭的梯子": "自己搭" self-built, "梯子" any VPN), they
        // name one thing, and the longer (more specific) phrase says what it is; equally long ones stay ambiguous.
        return found
            .Where(o => !found.Any(longer => longer.Phrase.Tokens.Length > o.Phrase.Tokens.Length
                                            && ((longer.Start <= o.Start && o.End <= longer.End)
                                                || (longer.Phrase.Slot == o.Phrase.Slot && longer.Phrase.Value != o.Phrase.Value
                                                    && Touch(tokens, longer, o)))))
            .ToList();
    }

    // True when two occurrences overlap, or only a linking word ("的", "of") or nothing stands between them.
    private static bool Touch(string[] tokens, Occurrence a, Occurrence b)
    {
        var (first, second) = a.Start <= b.Start ? (a, b) : (b, a);
        return second.Start <= first.End || (second.Start == first.End + 1 && Linkers.Contains(tokens[first.End]));
    }

    private static bool MatchesAt(string[] tokens, int start, string[] phrase)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(tokens[start + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNegated(string[] tokens, int start)
    {
        if (start >= 1 && Negations.Contains(tokens[start - 1]))
        {
            return true;
        }

        return start >= 2 && Fillers.Contains(tokens[start - 1]) && Negations.Contains(tokens[start - 2]);
    }

    private static List<Phrase> Index(DialogDefinition dialog) => Indexes.GetValue(dialog, static d =>
    {
        var phrases = new List<Phrase>();
        foreach (var slot in d.Slots)
        {
            foreach (var choice in slot.Choices)
            {
                void Add(IEnumerable<string> texts, PhraseKind kind)
                {
                    foreach (var text in texts)
                    {
                        var tokens = UtteranceTokens.Of(text);
                        if (tokens.Length > 0)
                        {
                            phrases.Add(new Phrase(slot.Id, choice.Value, tokens, kind));
                        }
                    }
                }

                Add(choice.Synonyms.All, PhraseKind.Synonym);
                Add(choice.Answers.All, PhraseKind.Answer);
                Add([choice.Label.En, choice.Label.Zh ?? string.Empty, choice.Value.Replace('-', ' ')], PhraseKind.Answer);
            }
        }

        return phrases;
    });
}
