using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Dialogs;

/// <summary>Answers the sources do not settle (a question's <c>none_of_these</c>), doubted values, and terse messages of nothing but a check's facts.</summary>
public class UnsettledAndDoubtTests
{
    private static DialogIndex Dialog(string id) => RealContent.Served.FindDialogIndex(id)!;

    [Fact]
    public void A_share_of_the_cost_names_no_charge_even_beside_they_pay()
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), "they pay a share of the cost", askedSlot: "charging");

        Assert.False(reading.Values.ContainsKey("charging"));
        Assert.False(reading.Ambiguous.ContainsKey("charging"));
        Assert.Contains("charging", reading.Open);
    }

    [Fact]
    public void Cost_sharing_in_Chinese_names_no_charge()
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), "他们分摊费用", askedSlot: "charging", Language.Chinese);

        Assert.Contains("charging", reading.Open);
    }

    [Fact]
    public void A_value_after_dunno_if_is_doubted_not_stated()
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), "dunno if it goes over approved channel", askedSlot: "provider");

        Assert.Equal("unsure", reading.Values["provider"]); // not the confirmed employer-channel
    }

    [Fact]
    public void A_terse_message_of_only_facts_says_only_facts_and_one_with_a_topic_word_does_not()
    {
        var overseas = Dialog("overseas-branch-onboarding");

        Assert.True(overseas.SaysOnlyFacts(UtteranceTokens.Of("mpls from china telecom"), new HashSet<string>()));
        Assert.False(Dialog("client-access-check").SaysOnlyFacts(UtteranceTokens.Of("penalties for subleasing"), new HashSet<string>()));
    }

    [Fact]
    public void A_trip_cue_counts_only_right_before_the_place()
    {
        var travel = Dialog("travel-check");

        Assert.True(travel.CueBefore(UtteranceTokens.Of("going to beijing for work"), UtteranceTokens.Of("beijing")));
        Assert.False(travel.CueBefore(UtteranceTokens.Of("im in shanghai, going to use the company vpn"), UtteranceTokens.Of("shanghai")));
    }
}
