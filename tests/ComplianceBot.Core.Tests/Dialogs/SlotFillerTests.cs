using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Tests.Dialogs;

public class SlotFillerTests
{
    private static DialogIndex Dialog(string id) => RealContent.Served.FindDialogIndex(id)!;

    [Fact]
    public void A_first_utterance_can_state_every_slot()
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), "I'm in Shanghai and use a paid VPN app to watch YouTube", askedSlot: null);

        Assert.Equal("mainland-china", reading.Values["location"]);
        Assert.Equal("unlicensed-service", reading.Values["provider"]);
        Assert.Equal("blocked-sites", reading.Values["purpose"]);
    }

    [Fact]
    public void Chinese_phrases_are_found_inside_unspaced_text()
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), "我在上海用付费VPN看油管", askedSlot: null, Language.Chinese);

        Assert.Equal(3, reading.Values.Count);
        Assert.Equal("unlicensed-service", reading.Values["provider"]);
    }

    [Fact]
    public void A_number_word_inside_an_answer_that_names_a_value_is_not_a_choice_number()
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), "one of our clients", askedSlot: "charging");

        Assert.False(reading.Values.ContainsKey("charging")); // not "choice 1 = yes, charged"
        Assert.Equal("client", reading.Values["recipient"]);
    }

    [Fact]
    public void Short_answers_count_only_for_the_question_being_asked()
    {
        var dialog = Dialog("client-access-check");

        Assert.Empty(SlotFiller.Read(dialog, "yes", askedSlot: null).Values);
        Assert.Equal("yes", SlotFiller.Read(dialog, "yes", askedSlot: "charging").Values["charging"]);
        Assert.Equal("yes", SlotFiller.Read(dialog, "yep", askedSlot: "in-scope").Values["in-scope"]);
        Assert.False(SlotFiller.Read(dialog, "yes", askedSlot: "charging").Values.ContainsKey("in-scope"));
    }

    [Theory]
    [InlineData("not sure", "unsure")]      // "sure" alone would be yes
    [InlineData("no idea", "unsure")]       // "no" alone would be no
    [InlineData("nope", "no")]
    public void The_longest_phrase_wins_where_phrases_overlap(string answer, string expected)
    {
        Assert.Equal(expected, SlotFiller.Read(Dialog("overseas-branch-onboarding"), answer, askedSlot: "in-scope").Values["in-scope"]);
    }

    [Theory]
    [InlineData("我在杭州用的是自己搭的梯子")]
    [InlineData("in hangzhou on a self hosted shadowsocks box")]
    public void A_qualifier_next_to_a_general_phrase_of_another_value_decides_the_slot(string text)
    {
        // "梯子" / "shadowsocks" alone name a third-party service; qualified as self-built they name the user's own.
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), text, askedSlot: null);

        Assert.Equal("self-built", reading.Values["provider"]);
        Assert.False(reading.Ambiguous.ContainsKey("provider"));
    }

    [Fact]
    public void Phrases_of_two_values_far_apart_stay_ambiguous()
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), "either china mobile's roaming or else some paid vpn", askedSlot: null);

        Assert.False(reading.Values.ContainsKey("provider"));
        Assert.Equal(["licensed-operator", "unlicensed-service"], reading.Ambiguous["provider"]);
    }

    [Theory]
    [InlineData("I'm living in Chengdu and pay for a VPN app", false)]
    [InlineData("我在上海用自己搭的梯子", false)]
    [InlineData("on a business trip to Chengdu with a VPN app", true)]
    [InlineData("下个月去成都，用付费VPN", true)]
    [InlineData("I'm not travelling, I live in Chengdu and pay for a VPN app", false)]
    [InlineData("我没有出差，我住在成都", false)]
    public void The_travel_check_needs_a_trip_in_a_described_situation(string text, bool cue)
    {
        var tokens = UtteranceTokens.Of(text);
        Assert.Equal(cue, Dialog("travel-check").HasSituationCue(tokens));
        Assert.True(Dialog("personal-vpn-check").HasSituationCue(tokens)); // no cues: facts are enough
    }

    [Theory]
    [InlineData("flying to chengdu, will use my roaming plan", false)]
    [InlineData("visiting shanghai; would probably use a local sim", false)]
    [InlineData("will my vpn work in china", true)]
    [InlineData("will I be fined for a paid vpn", true)]
    public void Will_before_a_verb_with_no_subject_states_a_plan(string text, bool question)
    {
        Assert.Equal(question, QuestionForm.IsQuestion(text));
    }

    [Fact]
    public void A_negated_phrase_does_not_count()
    {
        var reading = SlotFiller.Read(Dialog("travel-check"), "it's not for work, just a holiday", askedSlot: "purpose");

        Assert.Equal("personal", reading.Values["purpose"]);
    }

    [Theory]
    [InlineData("we don't charge them")]
    [InlineData("we don’t charge")] // typographic apostrophe
    [InlineData("we dont charge")]
    [InlineData("we do not charge")]
    [InlineData("it doesn't cost them anything, we don't charge")]
    [InlineData("we won't sell it")]
    [InlineData("we wont sell access")]
    [InlineData("it isn't paid")]
    [InlineData("they aren't paying")]
    [InlineData("we never charge")]
    [InlineData("we didn't charge them")]
    [InlineData("they don't pay")]
    public void A_negation_with_or_without_an_apostrophe_answers_no(string answer)
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), answer, askedSlot: "charging");

        Assert.Equal("no", reading.Values["charging"]);
    }

    [Theory]
    [InlineData("we charge them")]
    [InlineData("we sell access")]
    [InlineData("they pay")]
    public void The_same_phrases_without_a_negation_still_answer_yes(string answer)
    {
        Assert.Equal("yes", SlotFiller.Read(Dialog("client-access-check"), answer, askedSlot: "charging").Values["charging"]);
    }

    [Theory]
    [InlineData("we don't have one", "none")]
    [InlineData("I don't know", "unsure")]
    [InlineData("dont know", "unsure")]
    public void Synonyms_written_with_a_contraction_match_every_spelling_of_it(string answer, string expected)
    {
        Assert.Equal(expected, SlotFiller.Read(Dialog("overseas-branch-onboarding"), answer, askedSlot: "channel").Values["channel"]);
    }

    [Fact]
    public void Plural_and_inflected_words_match_their_synonym()
    {
        Assert.Equal("client", SlotFiller.Read(Dialog("client-access-check"), "it's one of our customers", askedSlot: "recipient").Values["recipient"]);
    }

    [Fact]
    public void An_answer_naming_two_values_is_ambiguous_not_guessed()
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), "china mobile or my own server", askedSlot: "provider");

        Assert.False(reading.Values.ContainsKey("provider"));
        Assert.Equal(["licensed-operator", "self-built"], reading.Ambiguous["provider"]);
    }

    [Theory]
    [InlineData("2", Language.English, "hong-kong-macau")]
    [InlineData("the third one", Language.English, "elsewhere")]
    [InlineData("option 1", Language.English, "mainland-china")]
    [InlineData("第二个", Language.Chinese, "hong-kong-macau")]
    public void A_choice_number_picks_that_choice(string answer, Language language, string expected)
    {
        var reading = SlotFiller.Read(Dialog("travel-check"), answer, askedSlot: "destination", language);

        Assert.Equal(expected, reading.Values["destination"]);
        Assert.True(reading.AskedSlotFromShortAnswer);
    }

    [Fact]
    public void A_number_outside_the_choices_is_not_an_answer()
    {
        Assert.Empty(SlotFiller.Read(Dialog("travel-check"), "7", askedSlot: "destination").Values);
    }

    [Fact]
    public void Articles_and_possessives_do_not_change_a_stated_fact()
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), "my employees in the approved scope", askedSlot: null);

        Assert.Equal("employee", reading.Values["recipient"]);
        Assert.Equal("yes", reading.Values["in-scope"]);
    }

    [Theory]
    [InlineData("client-access-check", "they are not in the approved scope", "no")]
    [InlineData("client-access-check", "outside the approved user scope", "no")]
    [InlineData("overseas-branch-onboarding", "the branch is within the approved scope", "yes")]
    [InlineData("travel-check", "travellers are not in the approved scope", "no")]
    public void The_approved_scope_is_read_in_every_check_that_asks_for_it(string dialog, string text, string expected)
    {
        Assert.Equal(expected, SlotFiller.Read(Dialog(dialog), text, askedSlot: null).Values["in-scope"]);
    }

    [Theory]
    [InlineData("telecom's international line")]
    [InlineData("I use China Telecom's international service")]
    [InlineData("用的是电信的国际服务")]
    public void A_licensed_operators_international_service_is_read_as_such(string answer)
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), answer, askedSlot: "provider", LanguageDetector.Detect(answer));

        Assert.Equal("licensed-operator", reading.Values["provider"]);
    }

    [Theory]
    [InlineData("没有收费", "no")]
    [InlineData("没有收钱", "no")]
    [InlineData("没收费", "no")]
    [InlineData("we charge nothing", "no")]
    [InlineData("nothing is charged", "no")]
    [InlineData("收钱吗？不收", "no")]
    [InlineData("not charged", "no")]
    [InlineData("no money", "no")]
    [InlineData("it is not free", "yes")]
    [InlineData("isn't free", "yes")]
    [InlineData("不免费", "yes")]
    public void A_negated_phrase_of_a_yes_no_slot_counts_for_the_other_value(string answer, string expected)
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), answer, askedSlot: "charging", Language.Chinese);

        Assert.Equal(expected, reading.Values["charging"]);
    }

    [Fact]
    public void Not_sure_is_not_read_as_the_opposite_of_sure()
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), "not sure", askedSlot: "in-scope");

        Assert.False(reading.Values.ContainsKey("in-scope"));
    }

    [Theory]
    [InlineData("Our employees use the channel, they are in the approved scope, nothing is charged")]
    [InlineData("我们的员工在批准范围内使用专线，没有收费")]
    public void A_trailing_nothing_belongs_to_its_own_clause(string statement)
    {
        var reading = SlotFiller.Read(Dialog("client-access-check"), statement, askedSlot: null, Language.Chinese);

        Assert.Equal("employee", reading.Values["recipient"]);
        Assert.Equal("yes", reading.Values["in-scope"]);
        Assert.Equal("no", reading.Values["charging"]);
    }

    [Theory]
    [InlineData("不是为了工作")]
    [InlineData("no work")]
    [InlineData("it isn't for work")]
    [InlineData("it's not work related")]
    public void A_negated_value_of_a_slot_with_more_values_counts_for_none_and_is_reported(string answer)
    {
        var reading = SlotFiller.Read(Dialog("personal-vpn-check"), answer, askedSlot: "purpose", Language.Chinese);

        Assert.False(reading.Values.ContainsKey("purpose"));
        Assert.Contains("purpose", reading.Negated);
    }
}
