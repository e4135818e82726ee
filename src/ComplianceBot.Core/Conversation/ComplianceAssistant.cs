using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// The bot's logic for one turn, independent of any channel: takes what the user sent and the conversation's
/// state, returns the replies and updates the state in place. Channel adapters (Bot Framework, Slack, console)
/// only translate in and out.
/// </summary>
/// <remarks>
/// Thread-safe; holds no per-conversation data itself.
/// Routing order: a <c>{"start": id}</c> or dialog control button; a message that is only a number ("2", "the second
/// one", "第二个"), which clicks that button of the last reply that offered buttons (inside a dialog only for buttons
/// beyond the question's choices, which the dialog reads itself); the active decision dialog (it gets the first chance
/// at every other message; an unrelated question is answered and the dialog resumes); "start over" / "change an answer"
/// after a verdict; small talk (hello, thanks, bye, help); a dialog control word outside a dialog ("why" after a
/// verdict explains it again; "back", "stop"… say no check is running); a hand-off request ("talk to the compliance
/// team"); then matching. A confident match to a dialog's triggers, or a statement that gives facts of a dialog linked
/// to the match, starts that dialog with a visible "Let's check your situation" line. Everything else is answered by
/// the topics-only matcher (<see cref="ServedContent.TopicsMatcher"/>), exactly as without dialogs; answers offer their
/// dialogs as a "Check my situation" button. The buttons of the turn's last reply that has any are remembered in
/// <see cref="ConversationData.OfferedButtons"/>.
/// </remarks>
public sealed partial class ComplianceAssistant
{
    private const string AboutTopicId = "about-bot";

    private readonly IContentProvider _content;
    private readonly IUnansweredLog? _unanswered;

    /// <summary>Creates the assistant over <paramref name="content"/>.</summary>
    /// <param name="content">Supplies the content to serve; read once per turn.</param>
    /// <param name="unanswered">Optional sink for questions that fell back or needed clarification.</param>
    public ComplianceAssistant(IContentProvider content, IUnansweredLog? unanswered = null)
    {
        _content = content;
        _unanswered = unanswered;
    }

    /// <summary>
    /// The welcome for member <paramref name="memberId"/>, or nothing if that member was already welcomed in this
    /// conversation (a repeated <c>conversationUpdate</c>).
    /// </summary>
    public IReadOnlyList<BotReply> Welcome(string memberId, ConversationData state, string? locale = null)
    {
        if (state.WelcomedMembers.Contains(memberId))
        {
            return [];
        }

        state.WelcomedMembers.Add(memberId);
        var language = LanguageOf(locale, state);
        var builder = new ReplyBuilder(_content.Current, language);
        return Remember([builder.Plain(ReplyKind.Welcome, Phrases.Welcome(language), builder.MainTopics())], state);
    }

    /// <summary>Handles one user message; never throws for any input shape.</summary>
    public IReadOnlyList<BotReply> Respond(TurnInput input, ConversationData state)
    {
        state.Turn++;
        return Remember(Route(input, state, pickedButton: false), state);
    }

    /// <summary>
    /// The question of the decision dialog waiting for an answer, asked again in <paramref name="language"/> without
    /// changing the dialog (for a message the host did not read, e.g. one over the length limit), with its buttons
    /// remembered for a number typed next; empty when no dialog is waiting.
    /// </summary>
    public IReadOnlyList<BotReply> RepeatQuestion(ConversationData state, Language language)
    {
        var replies = new DialogEngine(_content.Current, language).Repeat(state);
        return replies.Count == 0 ? replies : Remember(replies, state);
    }

    private IReadOnlyList<BotReply> Route(TurnInput input, ConversationData state, bool pickedButton)
    {
        var content = _content.Current;
        var text = input.Text?.Trim() ?? string.Empty;
        var normalized = TextNormalizer.Normalize(text);

        // A message without letters ("2", "#1") says nothing about the language, nor does one that only points at a
        // button ("第十个" under English buttons): the conversation's stays, so the reply matches the buttons it lists.
        var reference = ChoiceReference.Read(text);
        var telling = normalized.Any(char.IsLetter) && reference is null;
        var language = telling ? LanguageDetector.Detect(normalized) : LanguageOf(input.Locale, state);
        if (telling)
        {
            state.Language = language.ToCode();
        }

        var replies = new ReplyBuilder(content, language);
        var dialogs = new DialogEngine(content, language);
        if (input.Value is { } buttons)
        {
            if (buttons.TryGetValue(DialogActions.StartKey, out var dialogId))
            {
                return dialogs.Start(dialogId, state);
            }

            if (buttons.ContainsKey(DialogActions.DialogKey))
            {
                return dialogs.Act(buttons, state);
            }
        }

        var number = input.Value is null && !pickedButton ? reference : null;
        if (number is not null && PickButton(number.Value, input, state, replies, dialogs) is { } picked)
        {
            return picked;
        }

        if (DialogEngine.IsActive(state))
        {
            return dialogs.Continue(input, state, aside => Aside(aside, content, replies, state));
        }

        if (input.Value?.ContainsKey(DialogActions.SlotKey) == true)
        {
            return dialogs.OrphanSubmit(state);
        }

        if (dialogs.AfterVerdict(text, state) is { } afterVerdict)
        {
            return afterVerdict;
        }

        if (input.Value is { } value && value.TryGetValue("topic", out var topicId))
        {
            return content.Snapshot.Knowledge.FindTopic(topicId) is { } clicked
                ? [replies.Answer(clicked, 1.0, state)]
                : [replies.Fallback(Phrases.UnknownTopic(language))];
        }

        if (normalized.Length == 0)
        {
            return [replies.Plain(ReplyKind.NoText, input.AttachmentCount > 0 ? Phrases.NoText(language) : Phrases.Empty(language), replies.MainTopics())];
        }

        switch (SmallTalk.Read(normalized))
        {
            case SmallTalkKind.Greeting:
                // A greeting is answered with what the bot does (the about-bot topic), introduced by a hello.
                return content.Snapshot.Knowledge.FindTopic(AboutTopicId) is { } intro
                    ? [Greet(replies.Answer(intro, 1.0, state), intro)]
                    : [replies.Plain(ReplyKind.SmallTalk, Phrases.Greeting(language), replies.MainTopics())];
            case SmallTalkKind.Thanks:
                return [replies.Plain(ReplyKind.SmallTalk, Phrases.Thanks(language))];
            case SmallTalkKind.Farewell:
                return [replies.Plain(ReplyKind.SmallTalk, Phrases.Farewell(language))];
            case SmallTalkKind.Help when content.Snapshot.Knowledge.FindTopic(AboutTopicId) is { } about:
                return [replies.Answer(about, 1.0, state)];
        }

        if (number is not null)
        {
            // A number on its own, with no list to pick from: not a question ("3" must not match a topic that has a 3).
            return [replies.Plain(ReplyKind.SmallTalk, Phrases.NumberWithoutList(language), replies.MainTopics())];
        }

        switch (ControlWords.Read(text))
        {
            case DialogCommand.None:
                break;
            case DialogCommand.Handoff:
                return [replies.HandoffReply()];
            case var command:
                return dialogs.Outside(command, state);
        }

        var withDialogs = content.Matcher.Match(text);
        if (DialogToStart(content, withDialogs, content.Matcher.Rank(withDialogs.Query), text) is { } situation)
        {
            return dialogs.Start(situation, state, text);
        }

        // Not a dialog: the FAQ answer comes from the topics alone, as if there were no dialogs.
        var match = ReferenceEquals(content.TopicsMatcher, content.Matcher) ? withDialogs : content.TopicsMatcher.Match(text);
        switch (match.Outcome)
        {
            case MatchOutcome.Answer when content.Snapshot.Knowledge.FindTopic(match.Top!.Id) is { } topic:
                return [replies.Answer(topic, match.Top.Confidence, state)];
            case MatchOutcome.Clarify:
                _unanswered?.Record(input.TypedText?.Trim() ?? text, UnansweredReason.Clarified);
                return [replies.Clarify(match.Candidates)];
            default:
                var declined = match.Top is { } oos && oos.Id.StartsWith(OutOfScopeGroup.TargetPrefix, StringComparison.Ordinal)
                    ? content.Snapshot.Knowledge.FindOutOfScope(oos.Id[OutOfScopeGroup.TargetPrefix.Length..])
                    : null;
                if (declined?.Id == OutOfScopeGroup.ComplianceTeamId)
                {
                    return [replies.HandoffReply()]; // "how do I reach the compliance team": a hand-off, not a question left open
                }

                _unanswered?.Record(input.TypedText?.Trim() ?? text, UnansweredReason.FellBack, declined?.Id);
                return declined is null
                    ? [replies.Fallback(Phrases.Fallback(language))]
                    : [replies.Fallback(declined.Reply.For(language) + " " + Phrases.WhatICover(language), declined.Id)];
        }
    }

    /// <summary>The about-bot answer introduced by a hello, both in the answer's language (English when the topic has no Chinese).</summary>
    private static BotReply Greet(BotReply answer, Topic intro) =>
        answer with { Text = Phrases.Greeting(answer.Language) + "\n\n" + intro.Answer.For(answer.Language).Trim() };

    /// <summary>
    /// A message that is only a number picks button <paramref name="number"/> of the last reply that offered buttons,
    /// as if it had been clicked. Null when the message is for someone else: no buttons were offered (then it gets a
    /// "just a number" reply later), or a dialog is waiting and the number is one of its question's choices (the
    /// dialog reads it). A number beyond the list gets the list again.
    /// </summary>
    private IReadOnlyList<BotReply>? PickButton(int number, TurnInput input, ConversationData state, ReplyBuilder replies, DialogEngine dialogs)
    {
        var offered = state.OfferedButtons ?? [];
        if (offered.Count == 0)
        {
            return null;
        }

        if (number < 1 || number > offered.Count)
        {
            if (DialogEngine.IsActive(state))
            {
                return dialogs.NoSuchOption(state, number, offered.Count) is { Count: > 0 } reasked ? reasked : null;
            }

            return [replies.Plain(ReplyKind.SmallTalk, Phrases.NoSuchOption(replies.Language, number, offered.Count),
                offered.Select(b => new ReplyAction(b.Title, b.Value ?? [])).ToList())];
        }

        var button = offered[number - 1];
        if (button.Value is not { Count: > 0 } || (DialogEngine.IsActive(state) && !button.Value.ContainsKey(DialogActions.DialogKey)))
        {
            return null; // an answer to the dialog's question: the dialog reads the number as that choice
        }

        return Route(new TurnInput(button.Title, button.Value, 0, input.Locale), state, pickedButton: true);
    }

    /// <summary>Keeps the buttons of the last of <paramref name="replies"/> that offers any, so a number can pick one next turn.</summary>
    private static IReadOnlyList<BotReply> Remember(IReadOnlyList<BotReply> replies, ConversationData state)
    {
        state.OfferedButtons = replies.LastOrDefault(r => r.Actions.Count > 0)?.Actions.Select(OfferedButton.From).ToList() ?? [];
        return replies;
    }

    /// <summary>
    /// Answers a message sent during a dialog that is not an answer: a topic button, small talk, or a question the
    /// matcher answers confidently (or, if it ends with a question mark, asks which topic was meant). Null otherwise.
    /// </summary>
    private static IReadOnlyList<BotReply>? Aside(TurnInput input, ServedContent content, ReplyBuilder replies, ConversationData state)
    {
        var knowledge = content.Snapshot.Knowledge;
        if (input.Value is { } value && value.TryGetValue("topic", out var topicId))
        {
            return knowledge.FindTopic(topicId) is { } clicked ? [replies.Answer(clicked, 1.0, state)] : null;
        }

        var language = replies.Language;
        switch (SmallTalk.Read(TextNormalizer.Normalize(input.Text)))
        {
            case SmallTalkKind.Greeting:
                return [replies.Plain(ReplyKind.SmallTalk, Phrases.Greeting(language))];
            case SmallTalkKind.Thanks:
                return [replies.Plain(ReplyKind.SmallTalk, Phrases.Thanks(language))];
            case SmallTalkKind.Farewell:
                return [replies.Plain(ReplyKind.SmallTalk, Phrases.Farewell(language))];
        }

        var match = content.TopicsMatcher.Match(input.Text);
        if (match.Outcome == MatchOutcome.Answer && knowledge.FindTopic(match.Top!.Id) is { } topic)
        {
            return [replies.Answer(topic, match.Top.Confidence, state)];
        }

        return match.Outcome == MatchOutcome.Clarify && QuestionForm.IsQuestion(input.Text) && match.Candidates.All(c => knowledge.FindTopic(c.Id) is not null)
            ? [replies.Clarify(match.Candidates)]
            : null;
    }

    private static Language LanguageOf(string? locale, ConversationData state)
    {
        if (locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return Language.Chinese;
        }

        return LanguageCodes.FromCode(state.Language) ?? Language.English;
    }
}
