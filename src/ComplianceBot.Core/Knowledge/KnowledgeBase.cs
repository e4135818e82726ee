namespace ComplianceBot.Core.Knowledge;

/// <summary>
/// An immutable, validated snapshot of <c>knowledge/</c>: regulations, topics, synonym groups and out-of-scope groups,
/// looked up by id.
/// Built by <see cref="Loading.ContentLoader"/>; replaced as a whole on reload, never mutated.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Regulation> _regulations;
    private readonly Dictionary<string, Topic> _topics;

    /// <summary>Creates a snapshot. Ids must be unique within each list (the loader checks this first).</summary>
    /// <exception cref="ArgumentException">Two entries of one kind share an id.</exception>
    public KnowledgeBase(
        IReadOnlyList<Regulation> regulations,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<SynonymGroup> synonyms,
        IReadOnlyList<OutOfScopeGroup>? outOfScope = null)
    {
        Regulations = regulations;
        Topics = topics;
        Synonyms = synonyms;
        OutOfScope = outOfScope ?? [];
        _regulations = regulations.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _topics = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>All regulation entries, in file-name order.</summary>
    public IReadOnlyList<Regulation> Regulations { get; }

    /// <summary>All topics, in file-name order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>All synonym groups, in file order.</summary>
    public IReadOnlyList<SynonymGroup> Synonyms { get; }

    /// <summary>Kinds of questions the bot declines, with their replies.</summary>
    public IReadOnlyList<OutOfScopeGroup> OutOfScope { get; }

    /// <summary>The out-of-scope group with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public OutOfScopeGroup? FindOutOfScope(string id) => OutOfScope.FirstOrDefault(g => g.Id == id);

    /// <summary>The topic with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Topic? FindTopic(string id) => _topics.GetValueOrDefault(id);

    /// <summary>The regulation with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Regulation? FindRegulation(string id) => _regulations.GetValueOrDefault(id);
}
