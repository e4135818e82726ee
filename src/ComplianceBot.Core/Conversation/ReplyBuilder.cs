using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>Builds the replies that carry knowledge (answer, clarify, fallback) from the served content.</summary>
internal sealed class ReplyBuilder
{
    private const int FallbackMenuSize = 5;

    // Shown in the fallback menu when no topic is marked 'featured: true'.
    private static readonly string[] DefaultMenu =
        ["personal-vpn-legal-status", "personal-paid-vpn", "corporate-compliant-paths", "travelers", "about-bot"];

    private readonly ServedContent _content;
    private readonly Language _language;

    public ReplyBuilder(ServedContent content, Language language)
    {
        _content = content;
        _language = language;
    }

    /// <summary>The language the replies are written in.</summary>
    public Language Language => _language;

    private KnowledgeBase Knowledge => _content.Snapshot.Knowledge;

    private string Version => _content.Snapshot.Version.ShortHash;

    /// <summary>
    /// The answer to <paramref name="topic"/>, with sources, related topics and, unless
    /// <paramref name="disclaimerShown"/>, the "general guidance, not legal advice" notice. A topic with no Chinese
    /// answer is answered wholly in English (labels, buttons, notice), never an English text under Chinese labels.
    /// </summary>
    public BotReply Answer(Topic topic, double confidence, bool disclaimerShown)
    {
        if (_language != Language.English && string.IsNullOrWhiteSpace(topic.Answer.Zh))
        {
            return new ReplyBuilder(_content, Language.English).Answer(topic, confidence, disclaimerShown);
        }

        var footer = Phrases.AsOf(_language, topic.LastReviewed);
        if (!disclaimerShown)
        {
            footer = Phrases.Disclaimer(_language) + " " + footer;
        }

        var actions = topic.Related
            .Select(Knowledge.FindTopic)
            .OfType<Topic>()
            .Select(t => ReplyAction.ForTopic(t.Title.For(_language), t.Id))
            .Concat(topic.Offers.Select(o => ReplyAction.ForDialog(Phrases.CheckMySituation(_language), o["dialog:".Length..])))
            .ToList();

        return new BotReply
        {
            Kind = ReplyKind.Answer,
            Language = _language,
            Text = topic.Answer.For(_language).Trim(),
            Sources = Sources(topic.Citations),
            Footer = footer,
            Actions = actions,
            Value = new AnswerValue(topic.Id, confidence,
                topic.Citations.Select(c => c.RegulationId).Distinct(StringComparer.Ordinal).ToList(), topic.Offers)
            {
                ContentVersion = Version,
            },
        };
    }

    /// <summary>"Which of these do you mean?" with one button per candidate.</summary>
    public BotReply Clarify(IReadOnlyList<MatchCandidate> candidates) => new()
    {
        Kind = ReplyKind.Clarify,
        Language = _language,
        Text = Phrases.Clarify(_language),
        Actions = candidates.Select(c => ActionFor(c.Id)).OfType<ReplyAction>().ToList(),
        Value = new ClarifyValue(candidates) { ContentVersion = Version },
    };

    /// <summary>"I can't answer that" with the main topics as buttons; <paramref name="reason"/> names a recognised out-of-scope group.</summary>
    public BotReply Fallback(string text, string? reason = null) => new()
    {
        Kind = ReplyKind.Fallback,
        Language = _language,
        Text = text,
        Actions = MainTopics(),
        Value = new FallbackValue { ContentVersion = Version, Reason = reason },
    };

    /// <summary>A reply of <paramref name="kind"/> that carries no knowledge (no value): small talk, help, notices.</summary>
    public BotReply Plain(ReplyKind kind, string text, IReadOnlyList<ReplyAction>? actions = null) => new()
    {
        Kind = kind,
        Language = _language,
        Text = text,
        Actions = actions ?? [],
    };

    /// <summary>
    /// How to reach the compliance team: the reply of the out-of-scope group <see cref="OutOfScopeGroup.ComplianceTeamId"/>
    /// (knowledge/out-of-scope.yaml, owned by the compliance team) in the reply language, or a general pointer when the
    /// content has no such group.
    /// </summary>
    public string ComplianceContact() =>
        Knowledge.FindOutOfScope(OutOfScopeGroup.ComplianceTeamId)?.Reply.For(_language).Trim() ?? Phrases.NoContact(_language);

    /// <summary>The hand-off to the compliance team: how to reach them, with the main topics for anything else.</summary>
    public BotReply HandoffReply() => Plain(ReplyKind.Notice, Phrases.Handoff(_language) + "\n\n" + ComplianceContact(), MainTopics());

    /// <summary>The topics offered when the bot cannot help: those marked featured, else a default set.</summary>
    public IReadOnlyList<ReplyAction> MainTopics()
    {
        var featured = Knowledge.Topics.Where(t => t.Featured).ToList();
        if (featured.Count == 0)
        {
            featured = DefaultMenu.Select(Knowledge.FindTopic).OfType<Topic>().ToList();
        }

        return featured.Take(FallbackMenuSize).Select(t => ReplyAction.ForTopic(t.Title.For(_language), t.Id)).ToList();
    }

    /// <summary>
    /// The "Sources" entries for <paramref name="citations"/> with readable article references; each UNVERIFIED
    /// regulation or article carries a mark, explained once by a last entry (one note per line, not per citation).
    /// </summary>
    public IReadOnlyList<SourceLine> Sources(IEnumerable<Citation> citations)
    {
        var lines = new List<SourceLine>();
        foreach (var citation in citations)
        {
            if (Knowledge.FindRegulation(citation.RegulationId) is not { } regulation)
            {
                continue;
            }

            var articles = citation.Articles.Select(regulation.FindArticle).OfType<RegulationArticle>().ToList();
            var verified = regulation.Verification == VerificationStatus.Verified && articles.All(a => a.Verified);
            var name = regulation.ShortName.For(_language);
            var text = articles.Count == 0
                ? name
                : name + (_language == Language.Chinese ? " " : ", ")
                       + string.Join(_language == Language.Chinese ? "、" : ", ", articles.Select(a => Phrases.Article(_language, a.Number)));
            if (!verified)
            {
                text += Phrases.UnverifiedMark;
            }

            lines.Add(new SourceLine(regulation.Id, text, verified));
        }

        if (lines.Any(l => !l.Verified))
        {
            lines.Add(new SourceLine(string.Empty, Phrases.Unverified(_language), Verified: false));
        }

        return lines;
    }

    private ReplyAction? ActionFor(string candidateId)
    {
        if (candidateId.StartsWith("dialog:", StringComparison.Ordinal))
        {
            return ReplyAction.ForDialog(Phrases.CheckMySituation(_language), candidateId["dialog:".Length..]);
        }

        return Knowledge.FindTopic(candidateId) is { } topic ? ReplyAction.ForTopic(topic.Title.For(_language), topic.Id) : null;
    }
}
