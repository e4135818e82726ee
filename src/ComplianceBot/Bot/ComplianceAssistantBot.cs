using System.Net;
using ComplianceBot.Bot.Rendering;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using ComplianceBot.Storage;

namespace ComplianceBot.Bot;

/// <summary>
/// The Bot Framework bot. Thin by design: it turns an activity into a <see cref="TurnInput"/> and runs the turn loop of
/// <see cref="ConversationTurns"/>: read the conversation's state, let the channel-neutral <see cref="ComplianceAssistant"/>
/// decide (a pure step, repeated if the state changed meanwhile), save the new state with the ETag it was read with,
/// and only then send the replies, rendered for the activity's channel (<see cref="ChannelRenderers"/>): a reply is
/// never seen for a state that was not saved. Every channel (Teams, Slack, web chat, console) runs through this class.
/// </summary>
/// <remarks>
/// The state is stored by <see cref="ConversationStateStore"/> as the JSON document of <see cref="ConversationStateJson"/>
/// (System.Text.Json, versioned, no .NET type names). A person who comes back to a check whose state expired or could
/// not be read is told it was closed (<see cref="ClosedCheckReply"/>).
/// </remarks>
public sealed class ComplianceAssistantBot : ActivityHandler
{
    private readonly ComplianceAssistant _assistant;
    private readonly IContentProvider _content;
    private readonly ConversationTurns _turns;
    private readonly InputLimitsOptions _limits;
    private readonly ILogger<ComplianceAssistantBot> _logger;

    /// <summary>
    /// Creates the bot over <paramref name="assistant"/> (serving <paramref name="content"/>), running each turn through
    /// <paramref name="turns"/> and refusing to match messages longer than <see cref="InputLimitsOptions.MaxMessageLength"/>.
    /// </summary>
    public ComplianceAssistantBot(ComplianceAssistant assistant, IContentProvider content, ConversationTurns turns,
        IOptions<InputLimitsOptions> limits, ILogger<ComplianceAssistantBot> logger)
    {
        _assistant = assistant;
        _content = content;
        _turns = turns;
        _limits = limits.Value;
        _logger = logger;
    }

    /// <summary>
    /// Answers a message; one longer than <see cref="InputLimitsOptions.MaxMessageLength"/> is not read: it gets
    /// <see cref="LongMessageReply"/> instead, followed by the current question of a decision dialog in progress (as a
    /// prompt with its value and buttons), and leaves the conversation as it was.
    /// </summary>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var input = ActivityInput.From(turnContext.Activity);
        await _turns.RunAsync(turnContext, stored => DecideMessage(input, stored), cancellationToken);
    }

    /// <summary>The message's turn on <paramref name="stored"/> state (pure: may run again after a conflict).</summary>
    private CommittedTurn DecideMessage(TurnInput input, StoredConversation stored)
    {
        var state = stored.State;
        var typed = input.TypedText ?? input.Text;
        if (ClosedCheckReply.Applies(input, stored))
        {
            var notice = ClosedCheckReply.For(input, stored, _content.Current.Snapshot);
            var closed = new Decision(DecisionKind.CheckRemoved) { Reason = stored.Status == StoredStateStatus.Unreadable ? "stored state unreadable" : "no stored state" };
            if (ClosedCheckReply.IsCheckButton(input) || string.IsNullOrWhiteSpace(input.Text))
            {
                return new CommittedTurn(new TurnResult(closed, [notice], state with { Turn = state.Turn + 1 }), null, null);
            }

            var (freshAnalysis, fresh) = _assistant.Decide(input, state);
            return new CommittedTurn(fresh with { Replies = [notice, .. fresh.Replies] }, freshAnalysis, typed);
        }

        if (input.Text is { } text && text.Length > _limits.MaxMessageLength)
        {
            _logger.LogDebug("Message of {Length} characters not matched (limit {MaxMessageLength})", text.Length, _limits.MaxMessageLength);
            var tooLong = LongMessageReply.For(text, _limits.MaxMessageLength, state.InCheck);
            var repeated = _assistant.RepeatQuestion(state, tooLong.Language);
            return new CommittedTurn(repeated with { Replies = [tooLong, .. repeated.Replies] }, null, null);
        }

        var (analysis, result) = _assistant.Decide(input, state);
        return new CommittedTurn(result, analysis, typed);
    }

    /// <summary>
    /// Welcomes people once per conversation. In Teams the bot introduces itself once when it is installed (the
    /// update then lists only the bot, which the SDK's default would ignore), and in team channels and group chats
    /// it does not greet every person who later joins; elsewhere each human member is welcomed once. Repeated
    /// <c>conversationUpdate</c> activities welcome nobody twice.
    /// </summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.MembersAdded is { Count: > 0 } membersAdded)
        {
            await WelcomeAsync(membersAdded, turnContext, cancellationToken);
        }
    }

    private async Task WelcomeAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        var locale = (activity as Activity)?.Locale;
        var isTeams = string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase);
        var isShared = activity.Conversation?.ConversationType is "channel" or "groupChat";
        var botWasAdded = membersAdded.Any(m => m?.Id is not null && m.Id == botId);

        IEnumerable<string> welcomed;
        if (isTeams && (isShared || botWasAdded))
        {
            welcomed = botWasAdded && botId is not null ? [botId] : [];
        }
        else
        {
            welcomed = membersAdded.Where(m => m?.Id is not null && m.Id != botId).Select(m => m.Id); // never welcome the bot itself
        }

        await _turns.RunAsync(turnContext, stored =>
        {
            TurnResult? result = null;
            var replies = new List<BotReply>();
            foreach (var member in welcomed)
            {
                result = _assistant.Welcome(member, result?.NewState ?? stored.State, locale);
                replies.AddRange(result.Replies);
            }

            return new CommittedTurn(result is null ? new TurnResult(new Decision(DecisionKind.Welcome), [], stored.State) : result with { Replies = replies }, null, null);
        }, cancellationToken);
    }

    /// <summary>
    /// Answers every invoke deliberately, never with the SDK's default 501: <c>healthCheck</c> with the Bot
    /// Framework's <see cref="HealthCheckResponse"/>; <c>adaptiveCard/action</c> (a Universal Action button) through the
    /// SDK, which answers a malformed value with 400 and the Adaptive Card error response Teams defines
    /// (<c>application/vnd.microsoft.error</c>), and a valid one with <see cref="OnAdaptiveCardInvokeAsync"/>; task
    /// modules and message extensions, which this app does not declare, get a short message in the shape Teams
    /// expects; any other invoke is acknowledged with 200 and logged.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var name = turnContext.Activity.Name ?? string.Empty;
        switch (name)
        {
            case "healthCheck":
                var version = _content.Current.Snapshot.Version;
                return Ok(new HealthCheckResponse(new HealthResults(true,
                    ["Health check succeeded.", $"Serving content version {version.ShortHash} (as of {version.AsOf:yyyy-MM-dd})."])));
            case "adaptiveCard/action":
                return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
            case "task/fetch" or "task/submit":
                _logger.LogDebug("Invoke {Name} answered with a message: this app has no task modules", name);
                return Ok(new JObject { ["task"] = new JObject { ["type"] = "message", ["value"] = NotSupportedText } });
            case var _ when name.StartsWith("composeExtension/", StringComparison.Ordinal):
                _logger.LogDebug("Invoke {Name} answered with a message: this app has no message extension", name);
                return Ok(new JObject { ["composeExtension"] = new JObject { ["type"] = "message", ["text"] = NotSupportedText } });
            default:
                _logger.LogDebug("Invoke {Name} is not used by this bot; acknowledged with 200", name.Length == 0 ? "(no name)" : name);
                return Ok(null);
        }
    }

    /// <summary>
    /// A Universal Action (<c>Action.Execute</c>) button: its <c>data</c> is handled like a button click (the answer is
    /// sent as a message) and the invoke is acknowledged with a 200 message response. Data that is not a button's
    /// (an object of strings: <c>docs/reply-format.md</c>, "Buttons and what they post") is answered 400 with the Adaptive Card error response.
    /// </summary>
    /// <exception cref="ActivityHandler.InvokeResponseException">The action has no usable data (the SDK turns it into the 400 answer).</exception>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext,
        AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        if (!IsButtonData(invokeValue.Action.Data) || ActivityInput.ReadValue(invokeValue.Action.Data) is not { } buttonValue)
        {
            throw new InvokeResponseException(HttpStatusCode.BadRequest, new AdaptiveCardInvokeResponse
            {
                StatusCode = (int)HttpStatusCode.BadRequest,
                Type = "application/vnd.microsoft.error",
                Value = new Error("BadRequest", "The action's 'data' must be an object of strings like {\"topic\": \"travelers\"}."),
            });
        }

        var input = new TurnInput(null, buttonValue, 0, (turnContext.Activity as Activity)?.Locale);
        await _turns.RunAsync(turnContext, stored => DecideMessage(input, stored), cancellationToken);
        return new AdaptiveCardInvokeResponse { StatusCode = (int)HttpStatusCode.OK, Type = "application/vnd.microsoft.activity.message", Value = "OK" };
    }

    /// <summary>
    /// Whether a Universal Action's <c>data</c> is a button's: a JSON object (or a string holding one) whose values are
    /// all strings (<c>docs/reply-format.md</c>, "Buttons and what they post"). <c>{"start": 5}</c> is not, and must not reach the bot as <c>"5"</c>.
    /// </summary>
    private static bool IsButtonData(object? data)
    {
        var json = data switch
        {
            JObject o => o,
            string s when s.TrimStart().StartsWith('{') => TryParseObject(s),
            null or string => null,
            _ => TryParseObject(Newtonsoft.Json.JsonConvert.SerializeObject(data)),
        };
        var properties = json?.Properties().Where(p => p.Name != "msteams").ToList();
        return properties is { Count: > 0 } && properties.All(p => p.Value.Type == JTokenType.String);
    }

    private static JObject? TryParseObject(string text)
    {
        try
        {
            return JObject.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private const string NotSupportedText = "This app answers in the chat: ask your question there.";

    private static InvokeResponse Ok(object? body) => new() { Status = (int)HttpStatusCode.OK, Body = body };

}
