using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Matching;

/// <summary>
/// Matching against much content: a question made of common words touches most topics, and the matcher orders only the
/// best of them unless a caller reads further, with the same ranking as ordering all of them.
/// </summary>
public class TopicMatcherScaleTests
{
    private static readonly string[] Actors = ["a contractor", "our branch", "a visiting engineer", "the hotel guest", "a startup", "a law firm", "a bank", "a film crew"];
    private static readonly string[] Activities = ["use", "resell", "share", "rent", "install", "host", "bridge", "lease"];
    private static readonly string[] Objects = ["a leased line", "an mpls circuit", "a proxy server", "a vpn app", "a roaming sim", "a vps", "a cdn node", "a gateway"];
    private static readonly string[] Places = ["in shanghai", "in shenzhen", "in beijing", "in hainan", "at the airport", "on campus"];

    private static readonly string[] Questions =
    [
        "may a contractor use a vpn app in shanghai?",
        "can a startup rent a vps at the airport",
        "is it legal for a bank to share a leased line",
        "vpn",
        "company vpn rules in china",
        "can a film crew bridge a gateway on campus with a vpn app",
    ];

    /// <summary>Topics built like the scale benchmark's: an actor, an activity, an object and a place in a few frames; every one mentions a VPN.</summary>
    private static TopicMatcher Generated(int topics)
    {
        var targets = Enumerable.Range(0, topics).Select(i =>
        {
            var (a, b, c, d) = (Actors[i % 8], Activities[i / 8 % 8], Objects[i / 64 % 8], Places[i / 512 % 6]);
            return new MatchTarget($"generated-{i:D5}",
                [$"can {a} {b} {c} {d}", $"is it legal for {a} to {b} {c} {d}", $"does {a} need a licence to {b} {c} {d}", $"{a} {b} {c} {d} allowed?"],
                [$"Whether {a} may {b} {c} {d} with a company vpn."]);
        });
        return new TopicMatcher(targets.ToList(), TextAnalyzer.CreateDefault(), new MatcherOptions());
    }

    public static TheoryData<int> Sizes => [40, 700, 3000];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_ranking_a_match_gives_is_the_full_ranking_read_in_any_way(int topics)
    {
        var matcher = Generated(topics);
        foreach (var question in Questions)
        {
            var full = matcher.Rank(matcher.Analyzer.Analyze(question));
            var enumerated = matcher.Match(question).Ranked;
            var indexed = matcher.Match(question).Ranked;

            Assert.Equal(full, enumerated.ToList());
            Assert.Equal(full.Count, indexed.Count);
            Assert.Equal(full, Enumerable.Range(0, indexed.Count).Select(i => indexed[i]).ToList());
        }
    }

    [Fact]
    public void The_real_content_ranks_the_same_whether_read_in_full_or_not()
    {
        var matcher = RealContent.Served.Matcher;
        foreach (var question in new[] { "can i use a vpn in china", "公司专线可以转租吗", "什么是合规VPN？", "Is it illegal for individuals to use paid international VPN services?" })
        {
            Assert.Equal(matcher.Rank(matcher.Analyzer.Analyze(question)), matcher.Match(question).Ranked.ToList());
        }
    }

    [Fact]
    public void A_match_computes_the_cosine_of_few_phrasings_when_a_question_touches_most_of_them()
    {
        // 3,000 topics, 12,000 phrasings: each question's words are on thousands of them (over 4,000 postings entries
        // in all). Only the phrasings of topics that could still be among the best eight (or hold one of the five
        // closest phrasings) are scored. (A question whose words are on fewer phrasings is scored in full: cheaper.)
        var matcher = Generated(3000);
        string[] questions = [Questions[0], Questions[1], Questions[2], Questions[5]];
        foreach (var question in questions)
        {
            matcher.Match(question); // per-thread scratch sized once
        }

        foreach (var question in questions)
        {
            var touched = matcher.Rank(matcher.Analyzer.Analyze(question)).Count;
            var (postingsBefore, documentsBefore) = TopicMatcher.WorkOnThisThread;
            var result = matcher.Match(question);
            var (postings, documents) = (TopicMatcher.WorkOnThisThread.Postings - postingsBefore, TopicMatcher.WorkOnThisThread.Documents - documentsBefore);

            Assert.True(touched > 300, $"{question}: touches {touched} topics");
            Assert.True(documents <= 400, $"{question}: {documents} phrasings scored of the {4 * touched} of the {touched} topics it touches");
            Assert.True(postings <= 4 * touched, $"{question}: {postings} postings read for {touched} topics touched");
            Assert.Equal(matcher.Rank(matcher.Analyzer.Analyze(question)).Take(8), result.Ranked.Take(8));
        }
    }

    [Fact]
    public void A_match_allocates_no_more_when_a_question_touches_many_more_topics()
    {
        // Every generated topic mentions a VPN, so these questions touch all of them; the result keeps only the best few.
        var small = Generated(300);
        var large = Generated(3000);
        long Allocated(TopicMatcher matcher)
        {
            foreach (var question in Questions)
            {
                matcher.Match(question); // per-thread scratch sized once, as in a running bot
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var question in Questions)
            {
                var result = matcher.Match(question);
                GC.KeepAlive(result);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var fewTopics = Allocated(small);
        var manyTopics = Allocated(large);

        Assert.True(manyTopics < fewTopics * 1.5, $"300 topics: {fewTopics} bytes; 3,000 topics: {manyTopics} bytes for the same questions");
    }
}
