using ComplianceBot.Core.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ComplianceBot.Bot;

/// <summary>
/// The Bot Framework bot. Thin by design: it turns an activity into a <see cref="TurnInput"/>, lets the
/// channel-neutral <see cref="ComplianceAssistant"/> decide, renders the replies and saves conversation state.
/// </summary>
public sealed class ComplianceAssistantBot : ActivityHandler
{
    private readonly ComplianceAssistant _assistant;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<ConversationData> _data;

    /// <summary>Creates the bot over <paramref name="assistant"/>, keeping per-conversation data in <paramref name="conversationState"/>.</summary>
    public ComplianceAssistantBot(ComplianceAssistant assistant, ConversationState conversationState)
    {
        _assistant = assistant;
        _conversationState = conversationState;
        _data = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
    }

    /// <inheritdoc />
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await _conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var data = await GetDataAsync(turnContext, cancellationToken);
        var replies = _assistant.Respond(ActivityInput.From(turnContext.Activity), data);
        await SendAsync(turnContext, replies, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken)
    {
        var data = await GetDataAsync(turnContext, cancellationToken);
        foreach (var member in membersAdded)
        {
            if (member?.Id is null || member.Id == turnContext.Activity.Recipient?.Id)
            {
                continue; // never welcome the bot itself
            }

            await SendAsync(turnContext, _assistant.Welcome(member.Id, data, (turnContext.Activity as Activity)?.Locale), cancellationToken);
        }
    }

    private async Task<ConversationData> GetDataAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.SchemaVersion != ConversationData.CurrentSchemaVersion)
        {
            data = new ConversationData(); // state written by another schema: start clean rather than misread it
            await _data.SetAsync(turnContext, data, cancellationToken);
        }

        return data;
    }

    private static async Task SendAsync(ITurnContext turnContext, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        if (replies.Count > 0)
        {
            await turnContext.SendActivitiesAsync(replies.Select(r => (IActivity)ActivityRenderer.ToActivity(r)).ToArray(), cancellationToken);
        }
    }
}
