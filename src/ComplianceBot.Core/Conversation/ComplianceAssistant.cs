using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// The bot's logic for one turn, independent of any channel: takes what the user sent and the conversation's
/// state, returns the replies and updates the state in place. Channel adapters (Bot Framework, Slack, console)
/// only translate in and out.
/// </summary>
/// <remarks>Thread-safe; holds no per-conversation data itself.</remarks>
public sealed class ComplianceAssistant
{
    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
        { "hi", "hello", "hey", "hallo", "good morning", "good afternoon", "good evening", "hi there", "hello there", "你好", "您好", "嗨", "哈喽" };

    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
        { "thanks", "thank you", "thx", "ty", "thanks a lot", "cheers", "ok thanks", "great thanks", "谢谢", "多谢", "谢谢你", "感谢" };

    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal)
        { "help", "menu", "start", "帮助", "菜单" };

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
        return [new BotReply { Kind = ReplyKind.Welcome, Text = Phrases.Welcome(language), Actions = builder.MainTopics() }];
    }

    /// <summary>Handles one user message; never throws for any input shape.</summary>
    public IReadOnlyList<BotReply> Respond(TurnInput input, ConversationData state)
    {
        var content = _content.Current;
        var text = input.Text?.Trim() ?? string.Empty;
        var normalized = TextNormalizer.Normalize(text);
        var language = normalized.Length > 0 ? LanguageDetector.Detect(normalized) : LanguageOf(input.Locale, state);
        if (normalized.Length > 0)
        {
            state.Language = language.ToCode();
        }

        var replies = new ReplyBuilder(content, language);
        if (input.Value is { } value && value.TryGetValue("topic", out var topicId))
        {
            return content.Snapshot.Knowledge.FindTopic(topicId) is { } clicked
                ? [replies.Answer(clicked, 1.0, state)]
                : [replies.Fallback(Phrases.UnknownTopic(language))];
        }

        if (normalized.Length == 0)
        {
            return [new BotReply
            {
                Kind = ReplyKind.NoText,
                Text = input.AttachmentCount > 0 ? Phrases.NoText(language) : Phrases.Empty(language),
                Actions = replies.MainTopics(),
            }];
        }

        if (Greetings.Contains(normalized))
        {
            // A greeting is answered with what the bot does (the about-bot topic), introduced by a hello.
            return content.Snapshot.Knowledge.FindTopic(AboutTopicId) is { } intro
                ? [replies.Answer(intro, 1.0, state) with { Text = Phrases.Greeting(language) + "\n\n" + intro.Answer.For(language).Trim() }]
                : [new BotReply { Kind = ReplyKind.SmallTalk, Text = Phrases.Greeting(language), Actions = replies.MainTopics() }];
        }

        if (Thanks.Contains(normalized))
        {
            return [new BotReply { Kind = ReplyKind.SmallTalk, Text = Phrases.Thanks(language) }];
        }

        if (HelpWords.Contains(normalized) && content.Snapshot.Knowledge.FindTopic(AboutTopicId) is { } about)
        {
            return [replies.Answer(about, 1.0, state)];
        }

        var match = content.Matcher.Match(text);
        switch (match.Outcome)
        {
            case MatchOutcome.Answer when content.Snapshot.Knowledge.FindTopic(match.Top!.Id) is { } topic:
                return [replies.Answer(topic, match.Top.Confidence, state)];
            case MatchOutcome.Clarify:
                _unanswered?.Record(match.Query.Normalized, UnansweredReason.Clarified);
                return [replies.Clarify(match.Candidates)];
            default:
                _unanswered?.Record(match.Query.Normalized, UnansweredReason.FellBack);
                var declined = match.Top is { } oos && oos.Id.StartsWith(Knowledge.OutOfScopeGroup.TargetPrefix, StringComparison.Ordinal)
                    ? content.Snapshot.Knowledge.FindOutOfScope(oos.Id[Knowledge.OutOfScopeGroup.TargetPrefix.Length..])
                    : null;
                return declined is null
                    ? [replies.Fallback(Phrases.Fallback(language))]
                    : [replies.Fallback(declined.Reply.For(language) + " " + Phrases.WhatICover(language), declined.Id)];
        }
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
