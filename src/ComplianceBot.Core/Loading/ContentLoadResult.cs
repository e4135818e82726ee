using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>The outcome of loading the content folders.</summary>
/// <param name="Content">The loaded content, or <see langword="null"/> when any error was found.</param>
/// <param name="Version">Hash and load time of the files read (set even when there are errors).</param>
/// <param name="Messages">Every problem found, ordered by path, line and column.</param>
public sealed record ContentLoadResult(ContentSnapshot? Content, ContentVersion Version, IReadOnlyList<ValidationMessage> Messages)
{
    /// <summary>True when at least one message is an error (and <see cref="Content"/> is null).</summary>
    public bool HasErrors => Messages.Any(m => m.Severity == Severity.Error);

    /// <summary>Where topics and dialogs were read, to the line (empty when nothing was parsed).</summary>
    public ContentSources Sources { get; init; } = ContentSources.None;

    /// <summary>
    /// The phrasing-collision warnings not yet computed (<see cref="ContentLoader.LoadDeferringPhrasingCheck"/>), or
    /// null when <see cref="Messages"/> is complete.
    /// </summary>
    public PendingWarnings? Pending { get; init; }

    /// <summary>
    /// This result with its pending warnings computed and merged into <see cref="Messages"/>: exactly the messages
    /// <see cref="ContentLoader.Load"/> gives, in the same order. This result itself when nothing is pending.
    /// </summary>
    /// <param name="cancellationToken">Stops the computation (it throws <see cref="OperationCanceledException"/>).</param>
    public ContentLoadResult Complete(CancellationToken cancellationToken = default) =>
        Pending is null ? this : this with { Messages = Pending.Compute(cancellationToken), Pending = null };
}
