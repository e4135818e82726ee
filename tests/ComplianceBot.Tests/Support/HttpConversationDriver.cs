using System.Text.Json.Nodes;
using ComplianceBot.Content;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Conversation.Scripts;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// A conversation script's conversation through the real endpoint: every user turn is a Bot Framework message
/// activity posted to <c>POST /api/messages</c> with <c>expectReplies</c>; content changes edit the server's content
/// files and reload them, and are undone when the conversation ends.
/// </summary>
public sealed class HttpConversationDriver(BotServer server, ContentWorkspace workspace) : IConversationDriver
{
    private readonly string _conversationId = "script-" + Guid.NewGuid().ToString("N");
    private bool _changed;

    public async Task<IReadOnlyList<ObservedReply>> SendAsync(TurnInput message, CancellationToken cancellationToken = default)
    {
        var value = message.Value is null ? null : JObject.FromObject(message.Value);
        var attachments = message.AttachmentCount > 0
            ? new JArray(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/photo.png", ["name"] = "photo.png" })
            : null;
        var (status, replies) = await server.SendAsync(Activities.Message(message.Text, _conversationId, value, attachments));
        if (status != 200)
        {
            throw new InvalidOperationException($"POST /api/messages answered HTTP {status}");
        }

        return replies.Select(ToObserved).ToList();
    }

    public Task ChangeContentAsync(ContentChange change, CancellationToken cancellationToken = default)
    {
        workspace.Apply(change);
        _changed = true;
        Reload();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (_changed)
        {
            workspace.Restore();
            Reload();
        }

        return ValueTask.CompletedTask;
    }

    private void Reload()
    {
        var result = server.Services.GetRequiredService<ContentStore>().Reload();
        if (result.HasErrors)
        {
            throw new InvalidOperationException("The changed content does not load: " + string.Join("; ", result.Messages));
        }
    }

    private static ObservedReply ToObserved(JObject activity)
    {
        var value = activity["value"] is JObject v ? JsonNode.Parse(v.ToString()) as JsonObject : null;
        var buttons = (activity["suggestedActions"]?["actions"] as JArray ?? [])
            .OfType<JObject>()
            .Select(a => new ObservedButton((string?)a["title"] ?? string.Empty,
                (a["value"] as JObject)?.Properties().ToDictionary(p => p.Name, p => p.Value.ToString()) ?? new Dictionary<string, string>()))
            .ToList();
        return new ObservedReply((string?)activity["text"] ?? string.Empty, value, buttons);
    }
}
