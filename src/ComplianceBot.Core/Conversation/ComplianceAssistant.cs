using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// The bot's logic for one turn, independent of any channel: reads the content once, analyses the message once
/// (<see cref="TurnAnalyzer"/>), decides with the pure step (<see cref="TurnDecider"/>), and records questions it could
/// not answer. Returns the replies and the next conversation state; it changes nothing it was given. Channel adapters
/// (Bot Framework, Slack, console) only translate in and out, store <see cref="TurnResult.NewState"/>, then send.
/// </summary>
/// <remarks>Thread-safe; holds no per-conversation data itself.</remarks>
public sealed class ComplianceAssistant
{
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
    /// The welcome for member <paramref name="memberId"/>, or no reply if that member was already welcomed in this
    /// conversation (a repeated <c>conversationUpdate</c>).
    /// </summary>
    public TurnResult Welcome(string memberId, ConversationState state, string? locale = null) =>
        TurnDecider.Welcome(memberId, locale, state, _content.Current);

    /// <summary>Handles one user message; never throws for any input shape.</summary>
    public TurnResult Respond(TurnInput input, ConversationState state)
    {
        var content = _content.Current;
        var turn = TurnAnalyzer.Analyze(input, state, content);
        var result = TurnDecider.Decide(turn, state, content);
        Record(turn, result.Decision);
        return result;
    }

    /// <summary>How the assistant reads <paramref name="input"/> in <paramref name="state"/> and what it decides, without recording anything (for <c>explain</c>).</summary>
    public (TurnAnalysis Analysis, TurnResult Result) Explain(TurnInput input, ConversationState state)
    {
        var content = _content.Current;
        var turn = TurnAnalyzer.Analyze(input, state, content);
        return (turn, TurnDecider.Decide(turn, state, content));
    }

    /// <summary>
    /// The question of the decision dialog waiting for an answer, asked again in <paramref name="language"/> without
    /// changing the dialog (for a message the host did not read, e.g. one over the length limit), with its buttons
    /// remembered for a number typed next; no replies when no dialog is waiting.
    /// </summary>
    public TurnResult RepeatQuestion(ConversationState state, Language language) =>
        TurnDecider.RepeatQuestion(state, language, _content.Current);

    private void Record(TurnAnalysis turn, Decision decision)
    {
        if (_unanswered is null || decision.Kind is not (DecisionKind.Clarify or DecisionKind.Fallback))
        {
            return;
        }

        var typed = turn.Input.TypedText?.Trim() ?? turn.Text;
        if (decision.Kind == DecisionKind.Clarify)
        {
            _unanswered.Record(typed, UnansweredReason.Clarified);
        }
        else
        {
            _unanswered.Record(typed, UnansweredReason.FellBack, decision.OutOfScopeGroup);
        }
    }
}
