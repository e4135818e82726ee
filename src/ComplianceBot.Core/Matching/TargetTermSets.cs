namespace ComplianceBot.Core.Matching;

/// <summary>
/// While an index is built, the distinct term ids of each target (of its phrasings, or of its description), collected
/// with one marker per term instead of a hash set per target. Targets are added one after the other: every
/// <see cref="Add"/> for a target comes before its <see cref="Close"/>.
/// </summary>
internal sealed class TargetTermSets(int targets)
{
    private readonly List<int> _lastTarget = []; // per term id: the last target that added it (-1: none yet)
    private readonly List<int> _open = [];

    /// <summary>Per target, its distinct term ids in the order first added; set by <see cref="Close"/>.</summary>
    public int[][] Sets { get; } = new int[targets][];

    /// <summary>Adds term <paramref name="id"/> to target <paramref name="target"/>, the one being collected.</summary>
    public void Add(int target, int id)
    {
        while (_lastTarget.Count <= id)
        {
            _lastTarget.Add(-1);
        }

        if (_lastTarget[id] != target)
        {
            _lastTarget[id] = target;
            _open.Add(id);
        }
    }

    /// <summary>Ends target <paramref name="target"/>: its set is the ids added since the previous target ended.</summary>
    public void Close(int target)
    {
        Sets[target] = [.. _open];
        _open.Clear();
    }
}
