using ComplianceBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Cli;

/// <summary>
/// One conversation between a terminal user and the bot, through <see cref="ConsoleAdapter"/>. Typing the number
/// of a button shown in the last reply clicks it.
/// </summary>
public sealed class ConsoleConversation
{
    private readonly ConsoleAdapter _adapter;
    private readonly IBot _bot;
    private readonly TimeProvider _time;
    private readonly ConversationAccount _conversation = new(id: "console-" + Guid.NewGuid().ToString("N"));
    private readonly ChannelAccount _user = new("console-user", "You");
    private readonly ChannelAccount _botAccount = new("compliancebot", "ComplianceBot");
    private readonly List<Activity> _replies = [];
    private IReadOnlyList<CardAction> _lastActions = [];

    /// <summary>Creates a conversation with <paramref name="bot"/>; activity times come from <paramref name="time"/>.</summary>
    public ConsoleConversation(IBot bot, TimeProvider time)
    {
        _bot = bot;
        _time = time;
        _adapter = new ConsoleAdapter(_replies.Add);
    }

    /// <summary>Opens the conversation (the bot welcomes the user); returns the bot's replies.</summary>
    public Task<IReadOnlyList<Activity>> StartAsync(CancellationToken cancellationToken = default)
    {
        var update = NewActivity(ActivityTypes.ConversationUpdate);
        update.MembersAdded = [_botAccount, _user];
        return RunAsync(update, cancellationToken);
    }

    /// <summary>
    /// Sends what the user typed. A number (1, 2, …) matching a button of the last reply sends that button's value.
    /// Returns the bot's replies.
    /// </summary>
    public Task<IReadOnlyList<Activity>> SendAsync(string text, CancellationToken cancellationToken = default)
    {
        var message = NewActivity(ActivityTypes.Message);
        message.Text = text;
        if (int.TryParse(text.Trim(), out var number) && number >= 1 && number <= _lastActions.Count)
        {
            var action = _lastActions[number - 1];
            message.Text = action.Text ?? action.Title;
            message.Value = action.Value;
        }

        return RunAsync(message, cancellationToken);
    }

    /// <summary>Sends a message with only a value (as a card or button submit would).</summary>
    public Task<IReadOnlyList<Activity>> SendValueAsync(JObject value, CancellationToken cancellationToken = default)
    {
        var message = NewActivity(ActivityTypes.Message);
        message.Value = value;
        return RunAsync(message, cancellationToken);
    }

    private async Task<IReadOnlyList<Activity>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        _replies.Clear();
        await _adapter.ProcessAsync(activity, _bot, cancellationToken);
        var replies = _replies.ToList();
        var withActions = replies.LastOrDefault(r => r.SuggestedActions?.Actions?.Count > 0);
        _lastActions = withActions?.SuggestedActions.Actions.ToList() ?? (IReadOnlyList<CardAction>)[];
        return replies;
    }

    private Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ConsoleAdapter.ChannelId,
        Conversation = _conversation,
        From = _user,
        Recipient = _botAccount,
        Timestamp = _time.GetUtcNow(),
        ServiceUrl = "urn:console",
    };
}
