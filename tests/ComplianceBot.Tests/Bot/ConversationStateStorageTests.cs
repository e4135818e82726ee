using ComplianceBot.Bot;
using ComplianceBot.Storage;
using ComplianceBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// The host stores each turn's new conversation state before it sends the turn's replies, as one versioned JSON
/// document: a reply is never seen for a state that was not saved.
/// </summary>
public sealed class ConversationStateStorageTests
{
    [Fact]
    public async Task When_the_state_cannot_be_saved_the_user_gets_the_apology_not_an_answer_whose_state_is_lost()
    {
        await using var bot = await BotServer.StartAsync(configure: builder => builder.Services.AddSingleton<IStorage, UnwritableStorage>());

        var (status, replies) = await bot.SendAsync(Activities.Message("Is it illegal for individuals to use paid international VPN services?", "conv-unsaved"));

        Assert.Equal(200, status);
        var reply = Assert.Single(replies);
        Assert.Equal(ComplianceBot.Pipeline.TurnErrorHandler.ErrorMessage, (string?)reply["text"]);
        Assert.Null(reply["value"]);
    }

    [Fact]
    public async Task The_stored_state_is_the_versioned_document_of_the_turn()
    {
        var storage = new RecordingStorage();
        await using var bot = await BotServer.StartAsync(configure: builder => builder.Services.AddSingleton<IStorage>(storage));

        await bot.SendAsync(Activities.Message(null, "conv-stored", new JObject { ["start"] = "travel-check" }));

        var (key, json) = Assert.Single(storage.Documents);
        Assert.Equal("conversations/emulator/conv-stored", key);
        var document = JObject.Parse(json);
        Assert.Equal(2, (int)document["schemaVersion"]!);
        Assert.Equal(1, (int)document["turn"]!);
        Assert.Equal("travel-check", (string?)document["dialog"]!["dialogId"]);
        Assert.Equal("asking", (string?)document["dialog"]!["phase"]);
        Assert.DoesNotContain("$type", document.ToString());
    }

    /// <summary>A storage that reads nothing and cannot write (an outage).</summary>
    private sealed class UnwritableStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Task.FromResult<IDictionary<string, object>>(new Dictionary<string, object>());

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            throw new IOException("The state store is down (test).");

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>The memory store that also keeps the document of each write, by storage key.</summary>
    private sealed class RecordingStorage : IStorage
    {
        private readonly InMemoryStore _inner = new(TimeProvider.System);

        public Dictionary<string, string> Documents { get; } = [];

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            foreach (var (key, value) in changes)
            {
                if (value is StoredDocument document)
                {
                    Documents[key] = document.Json;
                }
            }

            return _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }
}
