using ComplianceBot.Storage;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Storage;

/// <summary>
/// Conversations survive: a restart of the host in the middle of a check (SQLite, the default store) continues with
/// the next answer; a check that expired or whose state cannot be read is closed with an offer to start again.
/// </summary>
public sealed class DurableConversationTests : IDisposable
{
    private readonly TempSqliteFolder _temp = new("durable");

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string?> Sqlite => _temp.Settings();

    [Fact]
    public async Task After_a_restart_in_the_middle_of_a_check_the_next_answer_continues_it()
    {
        await using (var before = await BotServer.StartAsync(Sqlite))
        {
            await before.SendAsync(Activities.Message(null, "restart-1", StoredState.Start("travel-check")));
            var (_, asked) = await before.SendAsync(Activities.Message(null, "restart-1", StoredState.Choice("destination", "mainland-china")));
            Assert.Equal("method", (string?)asked.Last()["value"]!["slot"]);
        }

        await using var after = await BotServer.StartAsync(Sqlite);
        var (status, replies) = await after.SendAsync(Activities.Message(null, "restart-1", StoredState.Choice("method", "unlicensed-vpn")));

        Assert.Equal(200, status);
        var verdict = replies.Select(r => r["value"]).OfType<JObject>().Single(v => (string?)v["type"] == "verdict");
        Assert.Equal("not-permitted", (string?)verdict["verdict"]);
        Assert.Equal("mainland-china", (string?)verdict["facts"]!["destination"]); // the answer given before the restart
    }

    [Fact]
    public async Task A_check_idle_for_longer_than_the_ttl_is_deleted_and_its_buttons_say_it_was_closed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotServer.StartAsync(new Dictionary<string, string?> { ["Storage:ConversationTtl"] = "30.00:00:00", ["Storage:ExpiryScanInterval"] = "01:00:00" },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var store = bot.Services.GetRequiredService<BotStore>();
        var expiry = bot.Services.GetRequiredService<ExpiryService>();
        await bot.SendAsync(Activities.Message(null, "idle-1", StoredState.Start("travel-check")));
        await bot.SendAsync(Activities.Message(null, "active-1", StoredState.Start("travel-check")));
        clock.Advance(TimeSpan.FromDays(20));
        await bot.SendAsync(Activities.Message(null, "active-1", StoredState.Choice("destination", "mainland-china")));
        Assert.Equal(2, await store.CountAsync(ConversationStateStore.KeyPrefix));

        var swept = new TaskCompletionSource<SweepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        expiry.Swept += result => swept.TrySetResult(result);
        clock.Advance(TimeSpan.FromDays(11)); // idle-1: 31 days idle; active-1: 11 days
        var result = await swept.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.Conversations);
        Assert.Equal(1, await store.CountAsync(ConversationStateStore.KeyPrefix));
        var (_, replies) = await bot.SendAsync(Activities.Message("Mainland China", "idle-1", StoredState.Choice("destination", "mainland-china")));
        var reply = Assert.Single(replies);
        Assert.StartsWith("That button is from a situation check that is not open in this conversation", (string?)reply["text"]);
        Assert.DoesNotContain("no longer open", reply.ToString());
        Assert.Contains("travel-check", reply.ToString()); // a button to start it again
        var (_, continued) = await bot.SendAsync(Activities.Message(null, "active-1", StoredState.Choice("method", "roaming")));
        Assert.Equal("permitted", (string?)continued.Select(r => r["value"]).OfType<JObject>().Single(v => (string?)v["type"] == "verdict")["verdict"]);
    }

    [Fact]
    public async Task A_checks_button_in_a_conversation_that_never_had_a_check_claims_no_earlier_check()
    {
        await using var bot = await BotServer.StartAsync();

        var (_, replies) = await bot.SendAsync(Activities.Message(null, "brand-new-1", StoredState.Choice("provider", "licensed-operator")));

        var text = (string?)Assert.Single(replies)["text"];
        Assert.StartsWith("That button is from a situation check that is not open in this conversation", text);
        Assert.DoesNotContain("earlier", text);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1, \"dialog\": {\"dialogId\": \"travel-check\", \"askedSlot\": \"method\"}}")]
    [InlineData("{not json")]
    public async Task A_check_whose_stored_state_cannot_be_read_is_closed_with_an_offer_to_start_again(string document)
    {
        await using var bot = await BotServer.StartAsync();
        var storage = bot.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["conversations/emulator/damaged-1"] = new StoredDocument(document, "*") });

        var (status, replies) = await bot.SendAsync(Activities.Message(null, "damaged-1", StoredState.Choice("method", "roaming")));

        Assert.Equal(200, status);
        var reply = Assert.Single(replies);
        Assert.StartsWith("That button is from a situation check that is not open in this conversation", (string?)reply["text"]);
        Assert.Contains("travel-check", reply.ToString());
        var (_, restarted) = await bot.SendAsync(Activities.Message(null, "damaged-1", StoredState.Start("travel-check")));
        Assert.Equal("destination", (string?)restarted.Last()["value"]!["slot"]);
    }
}
