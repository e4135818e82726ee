using ComplianceBot.Bot;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Pipeline;
using Microsoft.Bot.Builder;

namespace ComplianceBot.Telemetry;

/// <summary>How a turn ended, as the <c>outcome</c> and <c>decision</c> tags of its span and metrics (no message text).</summary>
public static class TurnOutcome
{
    /// <summary>The bot answered (an answer, a check's question or verdict, a welcome, small talk …).</summary>
    public const string Answered = "answered";

    /// <summary>The bot could not answer: it asked which topic was meant, or offered the main topics.</summary>
    public const string Unanswered = "unanswered";

    /// <summary>The message was over a rate limit and not read.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The turn failed; the user got the apology (<see cref="TurnErrorHandler"/>).</summary>
    public const string Failed = "failed";

    /// <summary>No decision was made (an invoke, an activity the bot does not use, or a turn given up after state conflicts).</summary>
    public const string NotDecided = "not_decided";

    /// <summary>The <c>outcome</c> and <c>decision</c> (kebab-case <see cref="DecisionKind"/>, or <c>none</c>) of <paramref name="turnContext"/>'s turn, with the matcher's confidence when there is one.</summary>
    public static (string Outcome, string Decision, double? Confidence) Of(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<TurnFailed>() is not null)
        {
            return (Failed, "none", null);
        }

        if (turnContext.TurnState.Get<RateLimitedTurn>() is not null)
        {
            return (RateLimited, "none", null);
        }

        if (turnContext.TurnState.Get<CommittedTurn>() is not { } turn)
        {
            return (NotDecided, "none", null);
        }

        var decision = turn.Result.Decision;
        var kind = DecisionKindNames.Of(decision.Kind);
        var outcome = decision.Kind is DecisionKind.Clarify or DecisionKind.Fallback ? Unanswered : Answered;
        return (outcome, kind, decision.Confidence ?? decision.Aside?.Confidence);
    }
}
