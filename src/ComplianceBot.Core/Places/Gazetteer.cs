using System.Collections.Immutable;

namespace ComplianceBot.Core.Places;

/// <summary>
/// The place gazetteer of the served content (<c>knowledge/places.yaml</c>): the places, the topic that answers a
/// question set in each jurisdiction other than mainland China, and the dialog slots places fill. Its name index is
/// built once, when the content loads; <see cref="Read"/> only looks names up. Immutable and thread-safe.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<Jurisdiction, string> _topics;
    private readonly Dictionary<string, PlaceSlot> _slots;

    /// <summary>Builds the gazetteer and its name index.</summary>
    /// <param name="places">The places, in file order (a name listed by two places belongs to the first).</param>
    /// <param name="topics">The topic id per jurisdiction outside mainland China.</param>
    /// <param name="slots">The dialog slots places fill (at most one per dialog; a later one for the same dialog is ignored).</param>
    public Gazetteer(IReadOnlyList<Place> places, IReadOnlyDictionary<Jurisdiction, string> topics, IReadOnlyList<PlaceSlot> slots)
    {
        Places = places;
        Slots = slots;
        _topics = new Dictionary<Jurisdiction, string>(topics);
        _slots = new Dictionary<string, PlaceSlot>(StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            _slots.TryAdd(slot.DialogId, slot);
        }

        Index = PlaceIndex.Build(places);
    }

    /// <summary>A gazetteer without places (content built in code, e.g. by tests): it finds nothing.</summary>
    public static Gazetteer Empty { get; } = new([], new Dictionary<Jurisdiction, string>(), []);

    /// <summary>The places, in file order.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>The dialog slots places fill.</summary>
    public IReadOnlyList<PlaceSlot> Slots { get; }

    internal PlaceIndex Index { get; }

    /// <summary>The topic that answers a question set in <paramref name="jurisdiction"/>; null for mainland China or when none is configured.</summary>
    public string? TopicFor(Jurisdiction jurisdiction) => _topics.GetValueOrDefault(jurisdiction);

    /// <summary>True when <paramref name="topicId"/> is the topic of a jurisdiction outside mainland China (<c>hong-kong-macau</c>, <c>other-jurisdictions</c>).</summary>
    public bool IsJurisdictionTopic(string? topicId) => topicId is not null && _topics.ContainsValue(topicId);

    /// <summary>The slot of dialog <paramref name="dialogId"/> that places fill, or null.</summary>
    public PlaceSlot? SlotOf(string? dialogId) => dialogId is not null ? _slots.GetValueOrDefault(dialogId) : null;

    /// <summary>
    /// The places <paramref name="text"/> names, in order, each with what the message says about it (see
    /// <see cref="PlaceRole"/>). Read Traditional text converted to Simplified first. Empty when none.
    /// </summary>
    public ImmutableArray<PlaceMention> Read(string? text) => PlaceReader.Read(Index, text);
}
