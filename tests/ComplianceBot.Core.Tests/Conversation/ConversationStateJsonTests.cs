using System.Text.Json.Nodes;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Core.Tests.Conversation;

/// <summary>The stored document of a conversation's state: plain, versioned JSON that reads back as the same state.</summary>
public class ConversationStateJsonTests
{
    private static readonly ConversationState Sample = new ConversationState
    {
        Turn = 7,
        Language = "zh",
        DisclaimerShown = true,
        WelcomedMembers = ["user-1"],
        LastTopicId = "travelers",
        OfferedButtons = [OfferedButton.From(ReplyAction.ForDialog("Check my situation", "travel-check"))],
        Dialog = new DialogState { DialogId = "travel-check", DialogVersion = 3, Title = "Travelling", Phase = DialogPhase.ChoosingChange }
            .Fill("destination", "mainland-china").Fill("method", "roaming"),
    };

    [Fact]
    public void The_document_is_camel_case_json_with_a_schema_version_string_enums_and_no_type_names()
    {
        var json = ConversationStateJson.Write(Sample);
        var document = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(ConversationState.CurrentSchemaVersion, (int)document["schemaVersion"]!);
        Assert.Equal("choosing-change", (string?)document["dialog"]!["phase"]);
        Assert.Equal("mainland-china", (string?)document["dialog"]!["facts"]!["destination"]);
        Assert.Equal(["destination", "method"], document["dialog"]!["filledOrder"]!.AsArray().Select(n => (string?)n));
        Assert.DoesNotContain("$type", json);
        Assert.DoesNotContain("ComplianceBot", json);
        Assert.Null(document["inCheck"]); // derived members are not stored
    }

    [Fact]
    public void A_state_reads_back_as_the_same_state()
    {
        var read = ConversationStateJson.Read(ConversationStateJson.Write(Sample));

        Assert.Equal(ConversationStateJson.Write(Sample), ConversationStateJson.Write(read));
        Assert.Equal(Sample.Dialog!.Facts, read.Dialog!.Facts);
        Assert.Equal(DialogPhase.ChoosingChange, read.Dialog.Phase);
        Assert.True(read.InCheck);
    }

    [Fact]
    public void Facts_and_button_data_read_back_in_ordinal_key_order_as_the_core_builds_them()
    {
        // "Zone" before "area" ordinally; a culture's order has them the other way round.
        var state = Sample with
        {
            OfferedButtons = [OfferedButton.From(new ReplyAction("Pick", new Dictionary<string, string> { ["area"] = "a", ["Zone"] = "z" }))],
            Dialog = Sample.Dialog! with { Facts = Sample.Dialog.Facts.Add("Zone", "z").Add("area", "a") },
        };

        var read = ConversationStateJson.Read(ConversationStateJson.Write(state));

        Assert.Same(StringComparer.Ordinal, read.Dialog!.Facts.KeyComparer);
        Assert.Equal(["Zone", "area", "destination", "method"], read.Dialog.Facts.Keys);
        Assert.Equal(["Zone", "area"], read.OfferedButtons[0].Value!.Keys);
        Assert.Equal(ConversationStateJson.Write(state), ConversationStateJson.Write(read));
    }

    [Theory]
    [InlineData("""{"schemaVersion":2,"dialog":{"dialogId":"travel-check","facts":{"method":5}}}""")]
    [InlineData("""{"schemaVersion":2,"offeredButtons":[{"title":"x","value":["topic"]}]}""")]
    [InlineData("""{"schemaVersion":2,"dialog":{"phase":2}}""")]
    public void A_damaged_document_reads_as_a_fresh_state_and_never_throws(string json)
    {
        Assert.Null(ConversationStateJson.TryRead(json));
        Assert.Equal(ConversationStateJson.Write(new ConversationState()), ConversationStateJson.Write(ConversationStateJson.Read(json)));
    }

    [Fact]
    public void A_fact_given_twice_in_a_document_reads_as_its_last_value()
    {
        var read = ConversationStateJson.Read("""{"schemaVersion":2,"dialog":{"dialogId":"travel-check","facts":{"method":"roaming","method":"vpn"}}}""");

        Assert.Equal("vpn", read.Dialog!.Facts["method"]);
    }

    [Fact]
    public void Reading_and_writing_a_state_allocates_little()
    {
        // A conversation in a check with five offered buttons, as the load test leaves it: read and written once per turn.
        var json = ConversationStateJson.Write(Sample with
        {
            OfferedButtons = [.. Enumerable.Range(1, 5).Select(i => OfferedButton.From(new ReplyAction($"Choice number {i}", new Dictionary<string, string> { ["slot"] = "provider", ["choice"] = $"choice-{i}" })))],
            Dialog = Sample.Dialog! with { Phase = DialogPhase.Asking, AskedSlot = "provider" },
        });
        ConversationStateJson.Write(ConversationStateJson.Read(json)); // warm

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            ConversationStateJson.Write(ConversationStateJson.Read(json));
        }

        var perTurn = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
        Assert.True(perTurn < 9_000, $"{perTurn} bytes per read and write"); // 7,400 here; 10,900 with reflection-based metadata and culture-ordered maps
    }
}
