using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Conversation;

/// <summary>The content being served right now together with the matcher built from it.</summary>
/// <param name="Snapshot">The validated knowledge and dialogs (and their version).</param>
/// <param name="Matcher">The question matcher indexed over <paramref name="Snapshot"/>'s topics and dialog triggers.</param>
public sealed record ServedContent(ContentSnapshot Snapshot, TopicMatcher Matcher)
{
    /// <summary>
    /// Builds the matcher for <paramref name="snapshot"/> with <paramref name="options"/>: every topic, and every
    /// dialog's trigger phrasings as the target <c>dialog:&lt;id&gt;</c>.
    /// </summary>
    public static ServedContent Create(ContentSnapshot snapshot, MatcherOptions options) =>
        new(snapshot, TopicMatcher.Create(snapshot.Knowledge, options, snapshot.Dialogs.Select(d => d.ToMatchTarget())));
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
