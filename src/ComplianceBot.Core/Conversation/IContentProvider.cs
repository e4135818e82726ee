using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Conversation;

/// <summary>The content being served right now together with the matchers built from it.</summary>
/// <param name="Snapshot">The validated knowledge and dialogs (and their version).</param>
/// <param name="Matcher">
/// The question matcher indexed over <paramref name="Snapshot"/>'s topics and every dialog's trigger phrasings (as
/// the target <c>dialog:&lt;id&gt;</c>): it decides whether a message starts a decision dialog.
/// </param>
/// <remarks>
/// Everything derived from the content that a turn reads with is built here, when the content loads: the matchers
/// (with their own Chinese words, see <see cref="ChineseTokenizer"/>) and <see cref="DialogIndexes"/>. A turn builds
/// no index.
/// </remarks>
public sealed record ServedContent(ContentSnapshot Snapshot, TopicMatcher Matcher)
{
    /// <summary>
    /// The matcher over the FAQ topics alone, which answers questions: dialog triggers do not shift its term
    /// statistics, so FAQ answers do not depend on the dialogs. The same object as <see cref="Matcher"/> when there are
    /// no dialogs.
    /// </summary>
    public TopicMatcher TopicsMatcher { get; init; } = Matcher;

    /// <summary>The reading index of each of <see cref="Snapshot"/>'s dialogs, by dialog id (built with this object).</summary>
    public IReadOnlyDictionary<string, DialogIndex> DialogIndexes { get; } =
        Snapshot.Dialogs.ToDictionary(d => d.Id, DialogIndex.Build, StringComparer.Ordinal);

    /// <summary>Each follow-up of <see cref="ContentSnapshot.FollowUps"/> with its phrases as comparison tokens (built with this object).</summary>
    internal IReadOnlyList<(FollowUp FollowUp, IReadOnlyList<string[]> Phrases)> FollowUpPhrases { get; } =
        Snapshot.FollowUps.Items.Select(f => (f, (IReadOnlyList<string[]>)f.Asks.All.Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToList())).ToList();

    /// <summary>The correction cues of <see cref="ContentSnapshot.FollowUps"/> as comparison tokens (built with this object).</summary>
    internal IReadOnlyList<string[]> CorrectionCues { get; } =
        Snapshot.FollowUps.CorrectionCues.All.Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToList();

    /// <summary>
    /// The terms of the synonym group <see cref="TurnDecider.FamilyMemberGroupId"/> (wife, kids, 家人 …) as comparison
    /// tokens (built with this object); empty when the content has no such group.
    /// </summary>
    internal IReadOnlyList<string[]> FamilyMemberPhrases { get; } =
        Snapshot.Knowledge.Synonyms.Where(g => g.Id == TurnDecider.FamilyMemberGroupId).SelectMany(g => g.Terms.Values.SelectMany(t => t))
            .Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToList();

    /// <summary>
    /// The terms of the synonym groups <see cref="TurnDecider.CompanyChannelGroupIds"/> (company VPN, office VPN,
    /// approved channel, 公司VPN …) as comparison tokens (built with this object); empty when the content has none.
    /// </summary>
    internal IReadOnlyList<string[]> CompanyChannelPhrases { get; } =
        Snapshot.Knowledge.Synonyms.Where(g => TurnDecider.CompanyChannelGroupIds.Contains(g.Id)).SelectMany(g => g.Terms.Values.SelectMany(t => t))
            .Select(UtteranceTokens.Of).Where(t => t.Length > 0).ToList();

    /// <summary>The index of dialog <paramref name="dialogId"/>, or null when the content has no such dialog.</summary>
    public DialogIndex? FindDialogIndex(string? dialogId) =>
        dialogId is not null && DialogIndexes.TryGetValue(dialogId, out var index) ? index : null;

    /// <summary>
    /// Builds the matchers for <paramref name="snapshot"/> with <paramref name="options"/>. The two (topics alone, and
    /// topics with dialogs) come from one analysis of the content and read questions with the same tokenizers
    /// (<see cref="TopicMatcher.CreatePair"/>), so a turn tokenises its message once for both.
    /// </summary>
    public static ServedContent Create(ContentSnapshot snapshot, MatcherOptions options) => Create(snapshot, options, analyzer: null);

    /// <summary>
    /// <see cref="Create(ContentSnapshot, MatcherOptions)"/> with the matchers reading through <paramref name="analyzer"/>
    /// (the knowledge's synonyms already added; default <see cref="TopicMatcher.CreateAnalyzer"/>).
    /// </summary>
    public static ServedContent Create(ContentSnapshot snapshot, MatcherOptions options, TextAnalyzer? analyzer)
    {
        if (snapshot.Dialogs.Count == 0)
        {
            return new ServedContent(snapshot, TopicMatcher.Create(snapshot.Knowledge, options, analyzer: analyzer));
        }

        var (topics, all) = TopicMatcher.CreatePair(snapshot.Knowledge, options, [.. snapshot.Dialogs.Select(d => d.ToMatchTarget())], analyzer);
        return new ServedContent(snapshot, all) { TopicsMatcher = topics };
    }
}

/// <summary>
/// Gives the bot logic the content to serve. The host's implementation swaps in new content when files change;
/// a turn reads <see cref="Current"/> once and uses that snapshot throughout, so a reload never splits a turn.
/// </summary>
public interface IContentProvider
{
    /// <summary>The content to serve now; never null once the host has started.</summary>
    ServedContent Current { get; }
}

/// <summary>An <see cref="IContentProvider"/> that always serves the same content (command line, tests).</summary>
/// <param name="content">The content to serve.</param>
public sealed class FixedContentProvider(ServedContent content) : IContentProvider
{
    /// <inheritdoc />
    public ServedContent Current { get; } = content;
}
