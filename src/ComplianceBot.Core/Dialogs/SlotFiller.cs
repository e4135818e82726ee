using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Reads slot values from free text with the dialog's choice phrases. A choice's <c>synonyms</c> count anywhere
/// (the first utterance, any answer); its <c>answers</c>, label, value id and number count only as the reply to
/// the slot being asked. Where phrases overlap, the longest wins ("not sure" beats "sure", "free of charge" beats
/// "charge"), also between phrases of two values of one slot that stand side by side ("自己搭的梯子" is self-built); a phrase right after a negation ("not for work", "不是工作") does not count; a slot for which
/// several values remain is reported as ambiguous rather than guessed.
/// </summary>
/// <remarks>Thread-safe; reads with the phrase index built when the content loaded (<see cref="DialogIndex"/>).</remarks>
public static class SlotFiller
{
    // Negations and the filler words allowed between a negation and the phrase it negates. The tokens spell out
    // negative contractions ("don't", "dont" -> "do not") and read "never" as "not", so "not" covers them.
    private static readonly HashSet<string> Negations = new(UtteranceTokens.Of(
        "not without nor neither nothing 不 非 没 无 别 未"), StringComparer.Ordinal);

    // Quantifier negations that negate only the word right after them ("no fee", "no work"): "no, for work" is an answer.
    private static readonly HashSet<string> Quantifiers = new(UtteranceTokens.Of("no none"), StringComparer.Ordinal);

    // A negation right after a phrase negates it ("we charge nothing", "收费？没有" is not read this way: only these).
    private static readonly HashSet<string> TrailingNegations = new(UtteranceTokens.Of("nothing"), StringComparer.Ordinal);

    // Chinese question particles: "收钱吗" asks about a phrase, it does not state it.
    private static readonly HashSet<string> QuestionParticles = new(StringComparer.Ordinal) { "吗", "么" };

    // (Articles need no place here: UtteranceTokens drops them.)
    private static readonly HashSet<string> Fillers = new(UtteranceTokens.Of(
        "for to be is are was were been being get use using in on from by with really 用 是 在 于 给 会 要 太 有 为 了"),
        StringComparer.Ordinal);

    // At most this many filler words stand between a negation and the phrase it negates ("不是为了工作").
    private const int MaxFillers = 3;

    // Negated phrases that say the writer is unsure, not the opposite value ("not sure", "not certain").
    private static readonly HashSet<string> Hedges = new(UtteranceTokens.Of("sure certain"), StringComparer.Ordinal);

    // Words that make an answer a guess ("yes I guess", "my employer's channel probably", "是的吧"): a value read from
    // such a message is not confirmed. The slot gets its unsure value, or is asked again when it has none; a guessed
    // "yes" must never lead to a "permitted" verdict. A specific phrase naming a fact that only makes the verdict
    // stricter ("probably astrill") keeps its value.
    private static readonly IReadOnlyList<string[]> GuessMarkers = new[]
    {
        "guess", "probably", "maybe", "perhaps", "possibly", "sort of", "kind of", "i think", "i believe", "i assume",
        "think so", "believe so", "reckon so", "suppose so", "apparently", "supposedly", "says so", "said so", "not entirely", "more or less",
        "as far as i know", "afaik", "as far as i can tell", "as far as i am aware", "as far as i can see", "to my knowledge",
        "to the best of my knowledge", "if i remember correctly", "if i recall correctly", "iirc", "pretty sure", "fairly sure",
        "i would say", "i heard",
        "吧", "可能", "大概", "应该", "好像", "也许", "估计", "差不多", "或许", "听说", "据我所知", "我觉得", "我认为", "据说", "似乎", "貌似",
    }.Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToArray();

    // Short answers saying the writer doesn't know ("dunno", "no idea", "不知道"): to a question none of whose phrases
    // they are, they answer as a bare hedge does (the unsure value, or the options named again). Not guess markers: a
    // value read with them ("not sure, so no" at "is it confirmed?") is the writer's answer.
    internal static readonly IReadOnlyList<string[]> DontKnowMarkers = new[]
    {
        "do not know", "no idea", "not sure", "unsure", "not certain", "no clue", "cannot say", "hard to say", "cannot tell",
        "could not tell", "not clear", "不知道", "不清楚", "不确定", "说不准", "不好说", "没想好", "搞不清",
    }.Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToArray();

    /// <summary>
    /// True when the <c>unsure</c> choice of <paramref name="slot"/> has a synonym or answer saying the writer doesn't know
    /// ("not sure", "不清楚"; its label does not count): "dunno" then takes it. The trip check's <c>unsure</c> is a company
    /// VPN app whose channel is unconfirmed, not "I don't know how I'll connect".
    /// </summary>
    internal static bool UnsureMeansDontKnow(DialogSlot slot) => slot.FindChoice(UnsureValue) is { } unsure
        && unsure.Synonyms.All.Concat(unsure.Answers.All).Any(p => ContainsAny(DontKnowMarkers, UtteranceTokens.Of(p)));

    // "I don't know if/whether …": what follows is doubted, not stated ("dunno if it goes over approved channel" is no
    // confirmed approved channel), so it is read as a guess.
    private static readonly IReadOnlyList<string[]> DoubtMarkers = new[]
    {
        "do not know if", "do not know whether", "not sure if", "not sure whether", "no idea if", "no idea whether", "not certain if",
        "not certain whether", "wonder if", "wonder whether", "不知道是不是", "不知道是否", "不确定是不是", "不确定是否", "不清楚是不是", "不清楚是否", "不知道有没有",
    }.Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToArray();

    // Words that say how often, not how sure: with a bare "yes" ("yes, sometimes") the answer is as unsure as a guess,
    // but with a specific phrase naming a fact that only ever makes a verdict stricter ("also youtube sometimes",
    // "偶尔也看油管", "sometimes we bill them") they state that it happens, and the fact counts.
    private static readonly IReadOnlyList<string[]> FrequencyMarkers = new[]
    {
        "sometimes", "occasionally", "now and then", "from time to time", "once in a while", "有时", "有时候", "偶尔",
    }.Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToArray();

    // An empty set of slots, shared (never changed).
    private static readonly HashSet<string> NoSlots = new(StringComparer.Ordinal);

    // The value a check uses for "not sure" (the contract's unsure value).
    internal const string UnsureValue = "unsure";

    // Words that join a qualifier to what it qualifies ("自己搭的梯子", "a tunnel of my own").
    private static readonly HashSet<string> Linkers = new(UtteranceTokens.Of("的 之 个 of"), StringComparer.Ordinal);

    // A choice number ("2", "the second one") is only read from an answer this short.
    private const int MaxTokensForNumber = 4;

    // Misspelt words ("wrok") are corrected only in an answer this short: a longer message is more likely a question.
    private const int MaxTokensForTypos = 4;

    private sealed record Occurrence(SlotPhrase Phrase, int Start, bool Negated = false)
    {
        public int End => Start + Phrase.Tokens.Length;
    }

    /// <summary>
    /// Reads what <paramref name="text"/> says about the dialog of <paramref name="index"/>'s slots. When <paramref name="askedSlot"/>
    /// is given, short answers, labels and choice numbers are accepted for that slot.
    /// </summary>
    /// <param name="index">The index of the dialog whose slots to fill (built with the content).</param>
    /// <param name="text">The message as typed; null or empty gives <see cref="SlotReading.Nothing"/>.</param>
    /// <param name="askedSlot">The slot the bot is asking for, or null (e.g. for the first utterance).</param>
    /// <param name="language">Language of the message, for reading choice numbers ("第二个").</param>
    public static SlotReading Read(DialogIndex index, string? text, string? askedSlot, Language language = Language.English) =>
        Read(index, text, UtteranceTokens.Of(text), askedSlot, language);

    /// <summary>As <see cref="Read(DialogIndex, string?, string?, Language)"/>, with the message's <see cref="UtteranceTokens"/> already made.</summary>
    internal static SlotReading Read(DialogIndex index, string? text, string[] tokens, string? askedSlot, Language language) =>
        Read(index, text, tokens, askedSlot, language, correctTypos: true);

    private static SlotReading Read(DialogIndex index, string? text, string[] tokens, string? askedSlot, Language language, bool correctTypos)
    {
        if (tokens.Length == 0)
        {
            return SlotReading.Nothing;
        }

        var dialog = index.Dialog;
        var found = Find(index, tokens, askedSlot);
        if (found.Count == 0 && askedSlot is null)
        {
            return SlotReading.Nothing; // what the steps below make of no phrase and no asked slot, without their allocations
        }

        // Something named that is none of a slot's choices ("hk sim" at "how do you connect") leaves that slot open: nothing
        // else the message names for it counts ("hk sim roaming" is not the home operator's roaming), nor a number or hedge.
        // (Most messages name none: then nothing is allocated for it.)
        var open = NoSlots;
        if (found.Exists(o => o.Phrase.Kind == SlotPhraseKind.NoneOfThese))
        {
            open = found.Where(o => o.Phrase.Kind == SlotPhraseKind.NoneOfThese && !o.Negated).Select(o => o.Phrase.Slot)
                .ToHashSet(StringComparer.Ordinal);
            found = found.Where(o => o.Phrase.Kind != SlotPhraseKind.NoneOfThese && !open.Contains(o.Phrase.Slot)).ToList();
        }

        var negated = found.Where(o => o.Negated).Select(o => o.Phrase.Slot).ToHashSet(StringComparer.Ordinal);
        var occurrences = found.Where(o => !o.Negated).Concat(found.Where(o => o.Negated).SelectMany(o => Opposite(dialog, o))).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var askedFromShortAnswer = false;
        var fromSynonym = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in occurrences.GroupBy(o => o.Phrase.Slot))
        {
            var specific = group.Where(o => o.Phrase.Kind == SlotPhraseKind.Synonym).ToList();
            var counted = specific.Count > 0 ? specific : group.ToList();
            var named = counted.Select(o => o.Phrase.Value).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 1)
            {
                values[group.Key] = named[0];
                if (specific.Count > 0 && !specific.Any(o => o.Negated))
                {
                    fromSynonym.Add(group.Key);
                }

                // A negated phrase ("isn't free") is a statement, even where its words start like a question.
                askedFromShortAnswer |= group.Key == askedSlot && specific.Count == 0 && !counted.Any(o => o.Negated);
            }
            else
            {
                ambiguous[group.Key] = dialog.FindSlot(group.Key)!.Choices.Select(c => c.Value).Where(named.Contains).ToList();
            }
        }

        // A number is read only from an answer that is nothing but a pointer to an option ("2", "the second one", 第二个):
        // "one of our clients" is a recipient, and "some random one" or 随便一个 is no choice 1.
        if (askedSlot is not null && !open.Contains(askedSlot) && dialog.FindSlot(askedSlot) is { } slot
            && values.Count == 0 && ambiguous.Count == 0 && tokens.Length <= MaxTokensForNumber
            && Conversation.ChoiceReference.Read(text) is { } number && number >= 1 && number <= slot.Choices.Count)
        {
            values[askedSlot] = slot.Choices[number - 1].Value;
            askedFromShortAnswer = true;
        }

        var guess = ContainsAny(GuessMarkers, tokens) || ContainsAny(DoubtMarkers, tokens);

        var notSure = false;

        // A short hedge that names no value ("think so", "probably", "应该吧", "dunno") answers the question asked as
        // unsure: its unsure value, or, where it has none, the options named again.
        var dontKnow = false;
        if (askedSlot is not null && !open.Contains(askedSlot) && values.Count == 0 && ambiguous.Count == 0 && tokens.Length <= MaxTokensForNumber
            && ((dontKnow = ContainsAny(DontKnowMarkers, tokens)) || guess) && dialog.FindSlot(askedSlot) is { } hedged)
        {
            // Only where the unsure value is the question's "not sure" (its phrases say so): the trip check's `unsure` is a
            // company VPN app, and "dunno" at "how do you connect" does not say that.
            if (hedged.Choices.Any(c => c.Value == UnsureValue) && index.UnsureMeansDontKnow(askedSlot))
            {
                values[askedSlot] = UnsureValue;
                askedFromShortAnswer = true;
            }
            else
            {
                ambiguous[askedSlot] = hedged.Choices.Select(c => c.Value).ToList();
                notSure = dontKnow;
            }
        }

        var frequency = !guess && ContainsAny(FrequencyMarkers, tokens);
        if (values.Count > 0 && (guess || frequency))
        {
            foreach (var (slotId, value) in values.ToList())
            {
                var guessed = dialog.FindSlot(slotId)!;
                // A guessed or occasional fact named by a specific phrase that can only make the verdict stricter
                // ("probably astrill", "also youtube sometimes") stands: doubting it must not soften the verdict.
                if (value == UnsureValue || (fromSynonym.Contains(slotId) && OnlyRestricts(dialog, slotId, value)))
                {
                    continue;
                }

                values.Remove(slotId);
                if (guessed.Choices.Any(c => c.Value == UnsureValue))
                {
                    values[slotId] = UnsureValue;
                }
                else
                {
                    ambiguous[slotId] = guessed.Choices.Select(c => c.Value).ToList();
                }
            }
        }

        // A short answer that names nothing for the question asked may be misspelt ("wrok", "shangahi"): read again with its
        // words corrected towards that question's phrases; kept only when that reading answers the question.
        if (correctTypos && askedSlot is not null && tokens.Length <= MaxTokensForTypos && !values.ContainsKey(askedSlot)
            && !ambiguous.ContainsKey(askedSlot) && !open.Contains(askedSlot) && index.CorrectTowards(askedSlot, text) is { } corrected
            && Read(index, corrected, UtteranceTokens.Of(corrected), askedSlot, language, correctTypos: false) is { } retried
            && (retried.Values.ContainsKey(askedSlot) || retried.Ambiguous.ContainsKey(askedSlot)))
        {
            return retried;
        }

        negated.ExceptWith(values.Keys);
        negated.ExceptWith(ambiguous.Keys);
        return new SlotReading(values, ambiguous, askedFromShortAnswer) { Negated = negated, Open = open, NotSure = notSure };
    }

    // True when the value of the slot is named by a not-permitted rule and by no permitted or conditional one: reading
    // it can only make the verdict stricter (a reached blocked site, a charge), never lead to "permitted".
    private static bool OnlyRestricts(DialogDefinition dialog, string slot, string value)
    {
        var restricts = false;
        foreach (var rule in dialog.Rules)
        {
            var names = rule.AnyOf.Any(c => c.Conditions.Any(kv => kv.Key == slot && kv.Value.Contains(value)));
            if (!names)
            {
                continue;
            }

            if (rule.Outcome.Verdict is Verdicts.Permitted or Verdicts.Conditional)
            {
                return false;
            }

            restricts |= rule.Outcome.Verdict == Verdicts.NotPermitted;
        }

        return restricts;
    }

    // A negated phrase never counts for its own value. In a slot of exactly two values it counts for the other one
    // ("not free" is charged, "没收费" is not), unless it only says the writer is unsure ("not sure").
    private static IEnumerable<Occurrence> Opposite(DialogDefinition dialog, Occurrence negated)
    {
        if (dialog.FindSlot(negated.Phrase.Slot) is { Choices.Count: 2 } slot
            && !(negated.Phrase.Tokens.Length == 1 && Hedges.Contains(negated.Phrase.Tokens[0]))
            && !negated.Phrase.Tokens.Any(t => Negations.Contains(t) || Quantifiers.Contains(t)))
        {
            var other = slot.Choices.First(c => c.Value != negated.Phrase.Value).Value;
            yield return new Occurrence(negated.Phrase with { Value = other }, negated.Start, Negated: true);
        }
    }

    /// <summary>
    /// True when <paramref name="tokens"/> contain one of <paramref name="phrases"/> (both as <see cref="UtteranceTokens"/>:
    /// English whole words ignoring inflection, Chinese inside unspaced text), not negated ("not travelling" is no trip).
    /// </summary>
    internal static bool ContainsAny(IReadOnlyList<string[]> phrases, IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < phrases.Count; i++)
        {
            if (Contains(phrases[i], tokens))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="tokens"/> contain <paramref name="phrase"/>, not negated (as <see cref="ContainsAny"/> for one phrase).</summary>
    internal static bool Contains(string[] phrase, IReadOnlyList<string> tokens)
    {
        for (var start = 0; start <= tokens.Count - phrase.Length; start++)
        {
            if (MatchesAt(tokens, start, phrase) && !IsNegated(tokens, start, start + phrase.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static List<Occurrence> Find(DialogIndex index, string[] tokens, string? askedSlot)
    {
        // Phrases by their first token (built with the index): each position of the message is compared only with the
        // phrases that can start there, so the work grows with the message's length, not with length × phrases.
        // An answer phrase counts only for the slot being asked.
        var byFirstToken = index.ByFirstToken;
        var longest = index.LongestPhrase;
        var found = new List<Occurrence>();
        for (var start = 0; start < tokens.Length; start++)
        {
            WorkMeter.Add(1);
            if (!byFirstToken.TryGetValue(tokens[start], out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                if (phrase.Kind == SlotPhraseKind.Answer && phrase.Slot != askedSlot)
                {
                    continue;
                }

                WorkMeter.Add(phrase.Tokens.Length);
                if (start + phrase.Tokens.Length <= tokens.Length && MatchesAt(tokens, start, phrase.Tokens)
                    && !IsQuestioned(tokens, start, start + phrase.Tokens.Length))
                {
                    found.Add(new Occurrence(phrase, start, IsNegated(tokens, start, start + phrase.Tokens.Length)));
                }
            }
        }

        // The longest phrase wins where phrases overlap: drop every occurrence inside a longer one. Where phrases of two
        // values of one slot overlap or stand side by side ("自己搭的梯子": "自己搭" self-built, "梯子" any VPN), they
        // name one thing, and the longer (more specific) phrase says what it is; equally long ones stay ambiguous.
        // Only occurrences starting near one another can overlap or touch (phrases are at most `longest` tokens), so
        // each occurrence is compared with those starting within that distance (found is ordered by start).
        var kept = new List<Occurrence>(found.Count);
        var first = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var o = found[i];
            while (found[first].Start < o.Start - longest - 1)
            {
                first++;
            }

            var dropped = false;
            for (var j = first; j < found.Count && found[j].Start <= o.End + 1 && !dropped; j++)
            {
                WorkMeter.Add(1);
                var longer = found[j];
                dropped = longer.Phrase.Tokens.Length > o.Phrase.Tokens.Length
                          && ((longer.Start <= o.Start && o.End <= longer.End)
                              || (longer.Phrase.Slot == o.Phrase.Slot && longer.Phrase.Value != o.Phrase.Value && Touch(tokens, longer, o)));
            }

            if (!dropped)
            {
                kept.Add(o);
            }
        }

        return kept;
    }

    // True when two occurrences overlap, or only a linking word ("的", "of") or nothing stands between them.
    private static bool Touch(string[] tokens, Occurrence a, Occurrence b)
    {
        var (first, second) = a.Start <= b.Start ? (a, b) : (b, a);
        return second.Start <= first.End || (second.Start == first.End + 1 && Linkers.Contains(tokens[first.End]));
    }

    private static bool MatchesAt(IReadOnlyList<string> tokens, int start, string[] phrase)
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

    // True when a negation stands right before the phrase (or only filler words between: "not for work", "不是为了工作",
    // "没有收费", "nothing is charged"), a quantifier right before it ("no fee"), or "nothing" right after it ("we charge nothing").
    private static bool IsNegated(IReadOnlyList<string> tokens, int start, int end)
    {
        if (start >= 1 && Quantifiers.Contains(tokens[start - 1]))
        {
            return true;
        }

        // "…in the approved scope, nothing is charged": a "nothing" that a verb follows starts the next clause.
        if (end < tokens.Count && TrailingNegations.Contains(tokens[end])
            && (end + 1 >= tokens.Count || !Fillers.Contains(tokens[end + 1])))
        {
            return true;
        }

        for (var i = start - 1; i >= 0 && i >= start - 1 - MaxFillers; i--)
        {
            if (Negations.Contains(tokens[i]))
            {
                return true;
            }

            if (!Fillers.Contains(tokens[i]))
            {
                return false;
            }
        }

        return false;
    }

    // True when a Chinese question particle follows the phrase ("收钱吗？"): the writer asks about it. Not after 用 ("可以用快连吗"
    // asks whether the means the writer names may be used: the means is stated).
    private static bool IsQuestioned(string[] tokens, int start, int end) =>
        end < tokens.Length && QuestionParticles.Contains(tokens[end]) && !(start >= 1 && tokens[start - 1] == "用");
}
