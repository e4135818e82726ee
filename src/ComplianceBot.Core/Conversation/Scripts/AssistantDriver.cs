
namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>
/// A conversation with the core <see cref="ComplianceAssistant"/>, no channel in between. Conversation state is
/// written to its JSON document and read back between turns (<see cref="ConversationStateJson"/>), as the host's state
/// storage does, so state that does not survive serialisation fails here too. Content changes (<see cref="ChangeContentAsync"/>) apply to this conversation only.
/// </summary>
public sealed class AssistantDriver : IConversationDriver
{
    private readonly OverridableContent _content;
    private readonly ComplianceAssistant _assistant;
    private string _state = ConversationStateJson.Write(new ConversationState());

    /// <summary>Starts a conversation over <paramref name="content"/>.</summary>
    public AssistantDriver(IContentProvider content)
    {
        _content = new OverridableContent(content);
        _assistant = new ComplianceAssistant(_content);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ObservedReply>> SendAsync(TurnInput message, CancellationToken cancellationToken = default)
    {
        var result = _assistant.Respond(message, ConversationStateJson.Read(_state));
        _state = ConversationStateJson.Write(result.NewState);
        return Task.FromResult<IReadOnlyList<ObservedReply>>(result.Replies.Select(ObservedReply.From).ToList());
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The dialog does not exist in the content.</exception>
    public Task ChangeContentAsync(ContentChange change, CancellationToken cancellationToken = default)
    {
        var current = _content.Current;
        var snapshot = current.Snapshot;
        var dialog = snapshot.FindDialog(change.DialogId) ?? throw new ArgumentException($"No dialog '{change.DialogId}' to change.", nameof(change));
        var dialogs = change.Kind == ContentChangeKind.Remove
            ? snapshot.Dialogs.Where(d => d.Id != dialog.Id).ToList()
            : snapshot.Dialogs.Select(d => d.Id == dialog.Id ? d with { Version = d.Version + 1 } : d).ToList();
        _content.Override = new ServedContent(snapshot with { Dialogs = dialogs }, current.Matcher) { TopicsMatcher = current.TopicsMatcher };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class OverridableContent(IContentProvider inner) : IContentProvider
    {
        public ServedContent? Override { get; set; }

        public ServedContent Current => Override ?? inner.Current;
    }
}
