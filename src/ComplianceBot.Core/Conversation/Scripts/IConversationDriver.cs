namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>
/// One conversation with the bot, through whatever carries it: the core assistant (<see cref="AssistantDriver"/>),
/// the Bot Framework endpoint over HTTP, or a console. Disposing it ends the conversation and undoes any content
/// change it made.
/// </summary>
public interface IConversationDriver : IAsyncDisposable
{
    /// <summary>Sends one user message; returns the bot's replies in order.</summary>
    Task<IReadOnlyList<ObservedReply>> SendAsync(TurnInput message, CancellationToken cancellationToken = default);

    /// <summary>Changes the content the bot serves, as a deployment would, for the rest of this conversation.</summary>
    /// <exception cref="NotSupportedException">This driver cannot change content.</exception>
    Task ChangeContentAsync(ContentChange change, CancellationToken cancellationToken = default);
}
