using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// The phrasing-collision warnings of a load that deferred them (<see cref="ContentLoader.LoadDeferringPhrasingCheck"/>):
/// what the check compares (texts, owners and places, no parse trees) and where its warnings go among the load's other
/// messages, so the completed list is exactly the one <see cref="ContentLoader.Load"/> returns.
/// </summary>
public sealed class PendingWarnings
{
    private readonly IReadOnlyList<ValidationMessage> _unordered;
    private readonly int _at;
    private readonly PhrasingCollisionCheck.Phrasings _phrasings;

    internal PendingWarnings(IReadOnlyList<ValidationMessage> unordered, int at, PhrasingCollisionCheck.Phrasings phrasings)
    {
        _unordered = unordered;
        _at = at;
        _phrasings = phrasings;
    }

    /// <summary>How many phrasings (both languages) the check will compare.</summary>
    public int PhrasingCount => _phrasings.English.Count + _phrasings.Chinese.Count;

    /// <summary>Runs the check and returns every message of the load, ordered as <see cref="ContentLoader.Load"/> orders them.</summary>
    /// <remarks>
    /// For large content (<see cref="LoadGarbage.MinPhrasings"/>, or <paramref name="collectFromPhrasings"/>) it starts
    /// with a full collection: it runs right after the index is built, whose garbage would otherwise still be on the heap
    /// while the check builds its tables (<see cref="LoadGarbage"/>).
    /// </remarks>
    internal IReadOnlyList<ValidationMessage> Compute(CancellationToken cancellationToken, int collectFromPhrasings = LoadGarbage.MinPhrasings)
    {
        LoadGarbage.CollectIfLarge(PhrasingCount, collectFromPhrasings);
        var warnings = PhrasingCollisionCheck.Warnings(_phrasings, cancellationToken);
        var all = new List<ValidationMessage>(_unordered.Count + warnings.Count);
        all.AddRange(_unordered.Take(_at));
        all.AddRange(warnings);
        all.AddRange(_unordered.Skip(_at));
        return Order(all);
    }

    /// <summary>The load's order of messages: by path, line and column, a stable sort (checks' order within a place).</summary>
    internal static List<ValidationMessage> Order(IEnumerable<ValidationMessage> messages) =>
        messages.OrderBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Line).ThenBy(m => m.Column).ToList();
}
