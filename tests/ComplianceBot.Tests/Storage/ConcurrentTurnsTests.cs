using ComplianceBot.Pipeline;
using ComplianceBot.Storage;
using ComplianceBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Storage;

/// <summary>
/// No turn is lost or applied twice: messages of one conversation sent at once are each handled exactly once, in
/// turn, and a check neither skips nor repeats a question.
/// </summary>
public sealed class ConcurrentTurnsTests
{
    private const string Aside = "Is it illegal for individuals to use paid international VPN services?";

    [Fact]
    public async Task Twenty_messages_sent_at_once_during_a_check_are_each_answered_once_and_the_check_goes_on()
    {
        await using var bot = await BotServer.StartAsync();
        await bot.SendAsync(Activities.Message(null, "burst-1", StoredState.Start("travel-check")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => bot.SendAsync(Activities.Message(Aside, "burst-1"))));

        foreach (var (status, replies) in responses)
        {
            Assert.Equal(200, status);
            Assert.Single(replies, r => (string?)r["value"]?["type"] == "answer"); // the question answered once
            Assert.Equal("destination", (string?)replies.Last()["value"]!["slot"]); // and the check's question asked again
        }

        var state = await StoredState.ReadAsync(bot, "burst-1");
        Assert.Equal(21, state.Turn); // 1 + 20: none lost, none applied twice
        Assert.Equal("destination", state.Dialog!.AskedSlot);
        var (_, next) = await bot.SendAsync(Activities.Message(null, "burst-1", StoredState.Choice("destination", "mainland-china")));
        Assert.Equal("method", (string?)next.Last()["value"]!["slot"]); // neither skipped nor repeated
        Assert.Equal(0, bot.Services.GetRequiredService<KeyedAsyncLock>().ActiveKeys); // nothing kept per conversation once idle
    }

    [Fact]
    public async Task A_button_click_racing_a_question_is_never_lost()
    {
        await using var bot = await BotServer.StartAsync();
        var lost = new List<string>();

        for (var trial = 0; trial < 200; trial++)
        {
            var conversation = $"race-{trial}";
            await bot.SendAsync(Activities.Message(null, conversation, StoredState.Start("travel-check")));

            var click = bot.SendAsync(Activities.Message(null, conversation, StoredState.Choice("destination", "mainland-china")));
            var question = bot.SendAsync(Activities.Message(Aside, conversation));
            await Task.WhenAll(click, question);

            var state = await StoredState.ReadAsync(bot, conversation);
            if (state.Turn != 3 || state.Dialog?.Facts.GetValueOrDefault("destination") != "mainland-china" || state.Dialog.AskedSlot != "method")
            {
                lost.Add($"{conversation}: turn {state.Turn}, asked {state.Dialog?.AskedSlot}, facts {string.Join(",", state.Dialog?.Facts.Select(f => $"{f.Key}={f.Value}") ?? [])}");
            }
        }

        Assert.Empty(lost);
    }

    [Fact]
    public async Task The_conversation_lock_lets_one_turn_in_at_a_time_in_arrival_order_and_keeps_nothing_afterwards()
    {
        var locks = new KeyedAsyncLock();
        var order = new List<int>();
        var first = await locks.AcquireAsync("c", CancellationToken.None);
        var waiters = Enumerable.Range(1, 5).Select(async i =>
        {
            using var held = await locks.AcquireAsync("c", CancellationToken.None);
            lock (order)
            {
                order.Add(i);
            }
        }).ToList();

        Assert.Empty(order);
        first.Dispose();
        await Task.WhenAll(waiters);

        Assert.Equal([1, 2, 3, 4, 5], order);
        Assert.Equal(0, locks.ActiveKeys);
        for (var i = 0; i < 1000; i++)
        {
            (await locks.AcquireAsync($"conversation-{i}", CancellationToken.None)).Dispose();
        }

        Assert.Equal(0, locks.ActiveKeys);
    }
}
