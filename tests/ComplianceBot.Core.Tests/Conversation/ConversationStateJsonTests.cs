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
}
