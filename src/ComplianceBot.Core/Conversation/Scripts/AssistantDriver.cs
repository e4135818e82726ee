using System.Text.Json;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Conversation.Scripts;

/// <summary>
/// A conversation with the core <see cref="ComplianceAssistant"/>, no channel in between. Conversation state is
/// written to JSON and read back between turns, as the host's state storage does, so state that does not survive
/// serialisation fails here too. Content changes (<see cref="ChangeContentAsync"/>) apply to this conversation only.
/// </summary>
public sealed class AssistantDriver : IConversationDriver
{
    private readonly OverridableContent _content;
    private readonly ComplianceAssistant _assistant;
    private string _state = JsonSerializer.Serialize(new ConversationData());

    /// <summary>Starts a conversation over <paramref name="content"/>.</summary>
    public AssistantDriver(IContentProvider content)
    {
        _content = new OverridableContent(content);
        _assistant = new ComplianceAssistant(_content);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ObservedReply>> SendAsync(TurnInput message, CancellationToken cancellationToken = default)
    {
        var state = JsonSerializer.Deserialize<ConversationData>(_state) ?? new ConversationData();
        var replies = _assistant.Respond(message, state);
        _state = JsonSerializer.Serialize(state);
        return Task.FromResult<IReadOnlyList<ObservedReply>>(replies.Select(ObservedReply.From).ToList());
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
        _content.Override = new ServedContent(snapshot with { Dialogs = dialogs }, current.Matcher);
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
