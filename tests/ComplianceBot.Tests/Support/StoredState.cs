using ComplianceBot.Core.Conversation;
using ComplianceBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceBot.Tests.Support;

/// <summary>Reads a conversation's stored state from a running host's store, as the next turn would.</summary>
public static class StoredState
{
    public static async Task<ConversationState> ReadAsync(BotServer server, string conversationId, string channel = "emulator")
    {
        var stored = await server.Services.GetRequiredService<ConversationStateStore>().ReadAsync($"{ConversationStateStore.KeyPrefix}{channel}/{conversationId}", CancellationToken.None);
        Assert.Equal(StoredStateStatus.Readable, stored.Status);
        return stored.State;
    }

    /// <summary>The value of a choice button of a check: <c>{"slot": …, "choice": …}</c>.</summary>
    public static Newtonsoft.Json.Linq.JObject Choice(string slot, string choice) => new() { ["slot"] = slot, ["choice"] = choice };

    /// <summary>The value of a button that starts a check.</summary>
    public static Newtonsoft.Json.Linq.JObject Start(string dialog) => new() { ["start"] = dialog };
}
