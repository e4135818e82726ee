using System.Collections.Immutable;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Places;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// Reads one message once, into a <see cref="TurnAnalysis"/>, from the message, the served content and the previous
/// conversation state (which slot a check asks, which buttons were offered, the conversation's language). Each
/// matcher runs at most once per message, and only when the message can be a question (not for a button, small talk,
/// a control word or a bare number). Pure: no state is changed.
/// </summary>
public static class TurnAnalyzer
{
    // A dialog matched at least this confidently as a whole needs no look at the message's clauses. Same as the decider's start confidence.
    private const double ClauseCheckBelow = TurnDecider.DialogStartConfidence;

    // How a message without a subject of its own starts ("and for companies?", "what about fines?", "那企业呢").
    private static readonly string[] FollowUpOpeners = ["and ", "what about ", "how about ", "same for ", "same question for ", "and what about ", "那", "那么", "还有", "换成"];

    private static readonly char[] ClauseBreaks = [',', ';', '.', '!', '?', '，', '；', '。', '！', '？'];

    // Button values that the bot routes by their data, so their text (a button title) is not a question.
    private static readonly string[] RoutedKeys = [DialogActions.StartKey, DialogActions.DialogKey, DialogActions.SlotKey, "topic"];

    /// <summary>Analyses <paramref name="input"/> in a conversation in <paramref name="state"/> over <paramref name="content"/>.</summary>
    public static TurnAnalysis Analyze(TurnInput input, ConversationState state, ServedContent content) =>
        Analyze(input, state, content, mayPick: true);

    private static TurnAnalysis Analyze(TurnInput input, ConversationState state, ServedContent content, bool mayPick)
    {
        // Traditional characters are read as Simplified: the content, the matchers and the place names are Simplified.
        var typed = input.Text?.Trim() ?? string.Empty;
        var text = TraditionalChinese.ToSimplified(typed);
        var traditional = !ReferenceEquals(text, typed);
        var normalized = TextNormalizer.Normalize(text);

        // A message without letters ("2", "#1") says nothing about the language, nor does one that only points at a
        // button ("第十个" under English buttons): the conversation's stays, so the reply matches the buttons it lists.
        var reference = ChoiceReference.Read(text);
        var telling = normalized.Any(char.IsLetter) && reference is null;
        var language = telling ? LanguageDetector.DetectReply(normalized, LanguageCodes.FromCode(state.Language)) : LanguageOf(input.Locale, state);
        // A button's title typed as it reads ("检查我的情况" under an answer) clicks it, as its number would.
        var titled = reference is null && input.Value is null && mayPick && !state.InCheck ? TitledButton(normalized, state) : null;
        var number = input.Value is null && mayPick ? reference ?? titled : null;
        var smallTalk = SmallTalk.Read(normalized);
        var control = ControlWords.Read(text);
        var tokens = UtteranceTokens.Of(text);
        var gazetteer = content.Snapshot.Places;
        var places = input.Value is null || text.Length > 0 ? gazetteer.Read(text) : [];

        var stated = content.DialogIndexes.Count == 0 || tokens.Length == 0
            ? []
            : content.Snapshot.Dialogs.Select(d => content.DialogIndexes[d.Id]).Select(index => new DialogReading(index.Dialog.Id,
                PlaceFacts.Apply(SlotFiller.Read(index, text, tokens, askedSlot: null, language), gazetteer.SlotOf(index.Dialog.Id), places, askedSlot: null),
                index.HasSituationCue(tokens))
            {
                Requests = index.RequestCount(tokens),
                HasOwnCue = index.HasOwnSituationCue(tokens),
            }).ToImmutableArray();

        SlotReading? answer = null;
        if (state.Dialog is { Phase: DialogPhase.Asking, AskedSlot: { } asked } ds && content.FindDialogIndex(ds.DialogId) is { } running)
        {
            answer = PlaceFacts.Apply(SlotFiller.Read(running, text, tokens, asked, language), gazetteer.SlotOf(ds.DialogId), places, asked);
        }
        else if (state.Dialog is { Phase: DialogPhase.Finished, FilledOrder: [.., var last] } fd && fd.VerdictTurn == state.Turn
                 && input.Value is null && content.FindDialogIndex(fd.DialogId) is { } finished && finished.Names(last, tokens))
        {
            // Right after a verdict, an answer to the check's last question ("yes i think so") is read as one.
            answer = SlotFiller.Read(finished, text, tokens, last, language);
        }

        var routedByValue = input.Value is { } value && RoutedKeys.Any(value.ContainsKey);
        var matchable = normalized.Length > 0 && reference is null && titled is null && smallTalk == SmallTalkKind.None && control == DialogCommand.None && !routedByValue;
        // Tokenised once for both matchers (they share tokenizers; each corrects spelling towards its own words).
        var tokenized = matchable ? content.TopicsMatcher.Analyzer.Tokenize(text) : null;
        var topics = tokenized is null ? null : content.TopicsMatcher.MatchTokenized(tokenized);
        if (topics is { Outcome: MatchOutcome.Fallback } && !places.IsDefaultOrEmpty
            && (topics.Top?.Id.StartsWith(Knowledge.OutOfScopeGroup.TargetPrefix, StringComparison.Ordinal) != true
                || content.TopicsMatcher.DeclinesNarrowly(topics)))
        {
            // Place names are words no topic has ("在台北用翻墙软件违法吗"): matched once more without them, only when
            // the message as typed matched nothing (a place that is part of a topic's phrasings keeps its match), or
            // was declined only because a place is in an out-of-scope phrasing, by a hair ("is vpn ok in london" against
            // "what time is it in london right now"). A confident decline stays one.
            var withoutPlaces = places.Aggregate(text, (t, p) => t.Replace(p.Name, " ", StringComparison.Ordinal));
            if (content.TopicsMatcher.Match(withoutPlaces) is { Outcome: not MatchOutcome.Fallback } rematched)
            {
                topics = rematched;
            }
        }

        // A place that only describes something sets nothing: "can i use a hong kong vpn" is a VPN question asked on the
        // mainland, not one about Hong Kong's rules, though the Hong Kong topic's phrasings name Hong Kong.
        if (gazetteer.IsJurisdictionTopic(topics?.Top?.Id) && DescribedPlaces.Without(text, places) is { } undescribed
            && content.TopicsMatcher.Match(undescribed) is { Outcome: not MatchOutcome.Fallback } plain
            && !gazetteer.IsJurisdictionTopic(plain.Top?.Id))
        {
            topics = plain;
        }

        // A mainland city is mainland China: "上海能用VPN吗" must not reach the Hong Kong topic, whose phrasings name Shenzhen.
        var matched = text;
        if (gazetteer.IsJurisdictionTopic(topics?.Top?.Id) && MainlandReading.AsMainland(text, places) is { } mainland)
        {
            matched = mainland;
            topics = content.TopicsMatcher.Match(mainland);
        }

        var dialogs = matchable && !state.InCheck
            ? ReferenceEquals(content.Matcher, content.TopicsMatcher) ? topics : MatchOnce(content.Matcher, matched, text, tokenized)
            : null;

        var followUps = content.FollowUpPhrases.Where(f => SlotFiller.ContainsAny(f.Phrases, tokens)).Select(f => f.FollowUp.Id).ToImmutableArray();
        return new TurnAnalysis
        {
            FollowUps = followUps,
            StartsAsFollowUp = FollowUpOpeners.Any(o => normalized.StartsWith(o, StringComparison.Ordinal))
                               || (normalized.EndsWith('呢') && normalized.Length <= 6), // "个人呢": a subject alone, asked about
            HasCorrectionCue = SlotFiller.ContainsAny(content.CorrectionCues, tokens),
            Input = input,
            Text = text,
            Normalized = normalized,
            Language = language,
            LanguageFromText = telling,
            Script = traditional ? TextScript.Traditional : ScriptOf(normalized, language),
            Places = places,
            Tokens = [.. tokens],
            Number = number,
            NumberFromTitle = titled is not null,
            PickedButton = number is { } n ? Picked(n, input, state, content) : null,
            SmallTalk = smallTalk,
            Control = control,
            IsQuestion = QuestionForm.IsQuestion(text),
            IsAboutOwnSituation = QuestionForm.IsAboutOwnSituation(text),
            IsAboutOwnOrganisation = QuestionForm.IsAboutOwnOrganisation(text),
            Stated = stated,
            Answer = answer,
            TopicsMatch = topics,
            DialogsMatch = dialogs,
            QuestionClauses = dialogs is null ? [] : QuestionClauses(matched, dialogs, content),
        };
    }

    /// <summary>
    /// The number of the one offered button with data whose title, normalised, is the whole message (normalised,
    /// Traditional read as Simplified); null when none or several are.
    /// </summary>
    private static int? TitledButton(string normalized, ConversationState state)
    {
        var offered = state.OfferedButtons.IsDefault ? [] : state.OfferedButtons;
        int? found = null;
        for (var i = 0; i < offered.Length; i++)
        {
            if (offered[i].Value is { Count: > 0 }
                && TextNormalizer.Normalize(TraditionalChinese.ToSimplified(offered[i].Title)) == normalized)
            {
                if (found is not null)
                {
                    return null;
                }

                found = i + 1;
            }
        }

        return found;
    }

    /// <summary>
    /// <paramref name="matcher"/>'s match of <paramref name="message"/>, reading <paramref name="tokenized"/> (the
    /// tokens of <paramref name="typed"/>) when that is the message and the matcher's tokenizers made it.
    /// </summary>
    private static MatchResult MatchOnce(TopicMatcher matcher, string message, string typed, TokenizedText? tokenized) =>
        tokenized is not null && ReferenceEquals(message, typed) && matcher.Analyzer.CanRead(tokenized)
            ? matcher.MatchTokenized(tokenized)
            : matcher.Match(message);

    /// <summary>The click of offered button <paramref name="number"/>, analysed as such; null when there is no such button with data.</summary>
    private static TurnAnalysis? Picked(int number, TurnInput input, ConversationState state, ServedContent content)
    {
        var offered = state.OfferedButtons.IsDefault ? [] : state.OfferedButtons;
        if (number < 1 || number > offered.Length || offered[number - 1].Value is not { Count: > 0 } value)
        {
            return null;
        }

        return Analyze(new TurnInput(offered[number - 1].Title, value, 0, input.Locale), state, content, mayPick: false);
    }

    // For a message of several clauses that as a whole matches no dialog confidently ("I'm not in China, I'm in London,
    // can I use my VPN?"): each clause that asks something, matched alone.
    private static ImmutableArray<ClauseMatch> QuestionClauses(string text, MatchResult whole, ServedContent content)
    {
        var clauses = text.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length < 2 || whole.Top?.Confidence >= ClauseCheckBelow)
        {
            return [];
        }

        return [.. clauses.Where(QuestionForm.IsQuestion).Select(c => new ClauseMatch(c, content.Matcher.Match(c)))];
    }

    private static TextScript ScriptOf(string normalized, Language language)
    {
        var han = normalized.Count(Text.Scripts.IsHan);
        var latin = normalized.Count(char.IsAsciiLetter);
        return (han, latin) switch
        {
            (0, 0) => TextScript.None,
            (0, _) => TextScript.Latin,
            _ when language == Language.English => TextScript.Mixed,
            _ => TextScript.Simplified,
        };
    }

    private static Language LanguageOf(string? locale, ConversationState state) =>
        LanguageCodes.FromLocale(locale) ?? LanguageCodes.FromCode(state.Language) ?? Language.English;
}
