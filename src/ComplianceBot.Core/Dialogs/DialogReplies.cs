using System.Text;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Dialogs;

/// <summary>Builds the replies of a decision dialog: prompts, verdicts, the change menu and notices.</summary>
internal sealed class DialogReplies
{
    private const int MaxRelatedButtons = 3;

    private readonly ServedContent _content;
    private readonly Language _language;
    private readonly ReplyBuilder _builder;

    public DialogReplies(ServedContent content, Language language)
    {
        _content = content;
        _language = language;
        _builder = new ReplyBuilder(content, language);
    }

    public Language Language => _language;

    private string Version => _content.Snapshot.Version.ShortHash;

    public string Title(DialogDefinition dialog) => dialog.Title.For(_language);

    public string SlotLabel(DialogDefinition dialog, string slotId) => dialog.FindSlot(slotId)?.Label.For(_language) ?? slotId;

    public string ValueLabel(DialogDefinition dialog, string slotId, string value) =>
        dialog.FindSlot(slotId)?.FindChoice(value)?.Label.For(_language) ?? value;

    /// <summary>"- Label: value" lines for <paramref name="slots"/>, in the dialog's slot order.</summary>
    public string FactLines(DialogDefinition dialog, IEnumerable<string> slots, IReadOnlyDictionary<string, string> facts) =>
        string.Join("\n", slots.Where(facts.ContainsKey).OrderBy(dialog.SlotOrder)
            .Select(s => $"- {SlotLabel(dialog, s)}{DialogPhrases.Colon(_language)}{ValueLabel(dialog, s, facts[s])}"));

    public IReadOnlyList<ReplyAction> MainTopics() => _builder.MainTopics();

    /// <summary>A message without machine-readable value (start, cancel, hand-off notices).</summary>
    public BotReply Notice(string text, IReadOnlyList<ReplyAction>? actions = null) => _builder.Plain(ReplyKind.Notice, text, actions);

    /// <summary>The question for the asked slot, after <paramref name="preface"/> paragraphs, with one button per choice.</summary>
    public BotReply Prompt(DialogDefinition dialog, DialogState state, IEnumerable<string> preface, bool listChoices, bool offerHandoff)
    {
        var slot = dialog.FindSlot(state.AskedSlot)!;
        var text = new StringBuilder();
        foreach (var paragraph in preface.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            text.Append(paragraph.Trim()).Append("\n\n");
        }

        text.Append("**").Append(slot.Question.For(_language)).Append("**");
        if (slot.HowToFindOut is { } howTo)
        {
            text.Append('\n').Append(DialogPhrases.HowToFindOut(_language, howTo.For(_language).Trim()));
        }

        if (listChoices)
        {
            for (var i = 0; i < slot.Choices.Count; i++)
            {
                text.Append('\n').Append(i + 1).Append(". ").Append(slot.Choices[i].Label.For(_language));
            }
        }

        var actions = slot.Choices.Select(c => DialogActions.Choice(c.Label.For(_language), slot.Id, c.Value)).ToList();
        if (offerHandoff)
        {
            actions.Add(DialogActions.Control(DialogPhrases.HandoffButton(_language), dialog.Id, DialogActions.Handoff));
            actions.Add(DialogActions.Control(DialogPhrases.CancelButton(_language), dialog.Id, DialogActions.Cancel));
        }

        return new BotReply
        {
            Kind = ReplyKind.Prompt,
            Language = _language,
            Text = text.ToString(),
            Actions = actions,
            Value = new PromptValue(dialog.Id, slot.Id, slot.Choices.Select(c => new PromptChoice(c.Value, c.Label.For(_language))).ToList())
            {
                ContentVersion = Version,
            },
        };
    }

    /// <summary>
    /// The verdict of <paramref name="evaluation"/>'s deciding rule, with facts, reason, sources and next steps; it always
    /// carries the "general guidance, not legal advice" notice.
    /// </summary>
    public BotReply Verdict(DialogDefinition dialog, DialogState state, RuleEvaluation evaluation)
    {
        var rule = evaluation.DecidingRule!;
        var outcome = rule.Outcome;
        var facts = evaluation.ReliedOn
            .Where(state.Facts.ContainsKey)
            .Select(s => new VerdictFact(s, SlotLabel(dialog, s), state.Facts[s], ValueLabel(dialog, s, state.Facts[s])))
            .ToList();
        var headline = outcome.Headline.For(_language);
        var explanation = outcome.Explanation.For(_language).Trim();
        var decidingRule = DialogPhrases.DecidingRule(_language, rule.Number, Conditions(dialog, rule));
        var nextSteps = outcome.NextSteps.For(_language);
        var verdictLabel = DialogPhrases.VerdictLabel(_language, outcome.Verdict);

        var text = new StringBuilder();
        text.Append("**").Append(verdictLabel).Append(DialogPhrases.FullStop(_language).TrimEnd()).Append("** ").Append(headline).Append("\n\n");
        text.Append("**").Append(DialogPhrases.BasedOn(_language)).Append("**\n");
        text.Append(string.Join("\n", facts.Select(f => $"- {f.Label}{DialogPhrases.Colon(_language)}{f.ValueLabel}"))).Append("\n\n");
        text.Append("**").Append(DialogPhrases.WhyHeading(_language)).Append("**").Append(_language == Language.Chinese ? string.Empty : " ").Append(explanation).Append("\n\n");
        text.Append('_').Append(decidingRule).Append("_\n\n");
        text.Append("**").Append(DialogPhrases.NextSteps(_language)).Append("**");
        for (var i = 0; i < nextSteps.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(nextSteps[i]);
        }

        var knowledge = _content.Snapshot.Knowledge;
        var actions = new List<ReplyAction>
        {
            DialogActions.Control(DialogPhrases.ChangeAnswerButton(_language), dialog.Id, DialogActions.Change),
            DialogActions.Control(DialogPhrases.StartOverButton(_language), dialog.Id, DialogActions.Restart),
        };
        actions.AddRange(outcome.Related.Select(knowledge.FindTopic).OfType<Topic>().Take(MaxRelatedButtons)
            .Select(t => ReplyAction.ForTopic(t.Title.For(_language), t.Id)));

        return new BotReply
        {
            Kind = ReplyKind.Verdict,
            Language = _language,
            Text = text.ToString(),
            Sources = _builder.Sources(outcome.Citations),
            Footer = Phrases.Disclaimer(_language) + " " + Phrases.AsOf(_language, _content.Snapshot.Version.AsOf),
            Actions = actions,
            Verdict = new VerdictDetails(dialog.Id, Title(dialog), outcome.Verdict, headline, facts,
                explanation + "\n\n" + decidingRule, nextSteps),
            Value = new VerdictValue(dialog.Id, outcome.Verdict,
                facts.Select(f => new KeyValuePair<string, string>(f.Slot, f.Value)).ToList(),
                outcome.Citations.Select(c => c.RegulationId).Distinct(StringComparer.Ordinal).ToList())
            {
                ContentVersion = Version,
            },
        };
    }

    /// <summary>How to reach the compliance team, from the content (see <see cref="ReplyBuilder.ComplianceContact"/>).</summary>
    public string ComplianceContact() => _builder.ComplianceContact();

    /// <summary>
    /// The reason of a verdict given earlier, again ("why" after the verdict): its verdict and headline, the explanation
    /// and the deciding rule in words, with its sources and the "Change an answer" / "Start over" buttons.
    /// </summary>
    public BotReply VerdictReason(DialogDefinition dialog, DialogRule rule)
    {
        var outcome = rule.Outcome;
        var text = new StringBuilder();
        text.Append(DialogPhrases.VerdictReasonLead(_language, Title(dialog), DialogPhrases.VerdictLabel(_language, outcome.Verdict)))
            .Append(' ').Append(outcome.Headline.For(_language)).Append("\n\n")
            .Append("**").Append(DialogPhrases.WhyHeading(_language)).Append("**").Append(_language == Language.Chinese ? string.Empty : " ")
            .Append(outcome.Explanation.For(_language).Trim()).Append("\n\n")
            .Append('_').Append(DialogPhrases.DecidingRule(_language, rule.Number, Conditions(dialog, rule))).Append('_');
        return Notice(text.ToString(),
        [
            DialogActions.Control(DialogPhrases.ChangeAnswerButton(_language), dialog.Id, DialogActions.Change),
            DialogActions.Control(DialogPhrases.StartOverButton(_language), dialog.Id, DialogActions.Restart),
        ]) with { Sources = _builder.Sources(outcome.Citations) };
    }

    /// <summary>"Which answer do you want to change?" with one button per known fact ("Label: value").</summary>
    public BotReply ChangeMenu(DialogDefinition dialog, DialogState state, string heading)
    {
        var known = dialog.Slots.Where(s => state.Facts.ContainsKey(s.Id)).ToList();
        return Notice(heading, known
            .Select(s => DialogActions.ChangeSlot(
                s.Label.For(_language) + DialogPhrases.Colon(_language) + ValueLabel(dialog, s.Id, state.Facts[s.Id]), dialog.Id, s.Id))
            .ToList());
    }

    private string Conditions(DialogDefinition dialog, DialogRule rule)
    {
        if (rule.IsOtherwise)
        {
            return DialogPhrases.OtherwiseRule(_language);
        }

        return string.Join(DialogPhrases.Or(_language), rule.AnyOf.Select(clause => string.Join(DialogPhrases.And(_language),
            clause.Conditions.Select(c => DialogPhrases.Condition(_language, SlotLabel(dialog, c.Key),
                c.Value.Select(v => ValueLabel(dialog, c.Key, v)).ToList())))));
    }
}
