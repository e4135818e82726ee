using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Places;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Checks what the JSON Schema cannot say about <c>knowledge/places.yaml</c> (place ids used twice, a jurisdiction
/// listed twice or missing its topic, topics and dialog slots and values that exist) and builds the
/// <see cref="Gazetteer"/>. Each problem is located at the key or value it concerns.
/// </summary>
internal static class PlacesChecker
{
    /// <summary>
    /// Adds every problem to <paramref name="messages"/>; returns the gazetteer when the file passed its schema and
    /// these checks, null otherwise.
    /// </summary>
    /// <param name="file">The parsed file (bound when it passed its schema).</param>
    /// <param name="topicIds">Ids of the topic files (existing even when a topic file has errors of its own).</param>
    /// <param name="dialogs">The loaded dialogs, or null when they failed (then slots are checked by dialog file only).</param>
    /// <param name="dialogIds">Ids of the dialog files; null when there is no dialogs folder (knowledge-only content: place slots are not checked, none is used).</param>
    /// <param name="messages">Where problems go.</param>
    public static Gazetteer? Check(ParsedFile<PlacesDto> file, IReadOnlySet<string> topicIds, IReadOnlyList<DialogDefinition>? dialogs,
        IReadOnlySet<string>? dialogIds, List<ValidationMessage> messages)
    {
        if (file.Dto is not { } dto)
        {
            return null;
        }

        var errors = messages.Count(m => m.Severity == Severity.Error);
        var topics = new Dictionary<Jurisdiction, string>();
        for (var i = 0; i < (dto.Jurisdictions?.Count ?? 0); i++)
        {
            var entry = dto.Jurisdictions![i];
            var jurisdiction = JurisdictionIds.FromId(entry.Id)!.Value;
            if (jurisdiction == Jurisdiction.MainlandChina)
            {
                messages.Add(file.At($"/jurisdictions/{i}/id", Severity.Error,
                    "mainland-china takes no topic here: questions set in mainland China are answered from all topics"));
            }
            else if (!topics.TryAdd(jurisdiction, entry.Topic!))
            {
                messages.Add(file.At($"/jurisdictions/{i}/id", Severity.Error, $"jurisdiction '{entry.Id}' is listed twice"));
            }

            if (!topicIds.Contains(entry.Topic!))
            {
                messages.Add(file.At($"/jurisdictions/{i}/topic", Severity.Error,
                    $"topic '{entry.Topic}' does not exist (no file topics/{entry.Topic}.yaml)"));
            }
        }

        foreach (var missing in new[] { Jurisdiction.HongKongMacau, Jurisdiction.Taiwan, Jurisdiction.Elsewhere }.Where(j => !topics.ContainsKey(j)))
        {
            messages.Add(file.AtKey("/jurisdictions", Severity.Error,
                $"jurisdiction '{missing.ToId()}' has no topic: a question set there would get a mainland-law answer; add it with the topic that answers it"));
        }

        var slots = new List<PlaceSlot>();
        var slotDialogs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dialogIds is null ? 0 : dto.PlaceSlots?.Count ?? 0); i++)
        {
            var entry = dto.PlaceSlots![i];
            var at = $"/place_slots/{i}";
            if (!slotDialogs.Add(entry.Dialog!))
            {
                messages.Add(file.At(at + "/dialog", Severity.Error, $"dialog '{entry.Dialog}' has a place slot already; a dialog has at most one"));
                continue;
            }

            if (!dialogIds!.Contains(entry.Dialog!))
            {
                // a dialog taken out leaves its place slot unused: nothing to fill, so no reason to refuse the content
                messages.Add(file.At(at + "/dialog", Severity.Warning,
                    $"dialog '{entry.Dialog}' does not exist (no file dialogs/{entry.Dialog}.yaml); this place slot is unused until it is back"));
                continue;
            }

            var values = entry.Values!.ToDictionary(v => JurisdictionIds.FromId(v.Key)!.Value, v => v.Value);
            if (dialogs?.FirstOrDefault(d => d.Id == entry.Dialog) is { } dialog)
            {
                if (dialog.FindSlot(entry.Slot) is not { } slot)
                {
                    messages.Add(file.At(at + "/slot", Severity.Error,
                        $"dialog '{entry.Dialog}' has no slot '{entry.Slot}' (its slots: {string.Join(", ", dialog.Slots.Select(s => s.Id))})"));
                    continue;
                }

                foreach (var (key, value) in entry.Values!)
                {
                    if (slot.FindChoice(value) is null)
                    {
                        messages.Add(file.At($"{at}/values/{key}", Severity.Error,
                            $"slot '{slot.Id}' of dialog '{dialog.Id}' has no value '{value}' (its values: {string.Join(", ", slot.Choices.Select(c => c.Value))})"));
                    }
                }
            }

            slots.Add(new PlaceSlot(entry.Dialog!, entry.Slot!, values));
        }

        var places = new List<Place>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dto.Places!.Count; i++)
        {
            var entry = dto.Places[i];
            var at = $"/places/{i}";
            if (!ids.Add(entry.Id!))
            {
                messages.Add(file.At(at + "/id", Severity.Error, $"place '{entry.Id}' is defined twice"));
                continue;
            }

            var names = Names(entry.Names).Concat(Names(entry.Cities)).ToList();
            var abbreviations = Names(entry.Abbreviations).ToList();
            foreach (var (name, pointer) in Pointers(entry, at))
            {
                if (owners.TryGetValue(name, out var other) && other != entry.Id)
                {
                    messages.Add(file.At(pointer, Severity.Warning, $"name '{name}' is listed by places '{other}' and '{entry.Id}'; it names the first"));
                }
                else
                {
                    owners[name] = entry.Id!;
                }
            }

            places.Add(new Place(entry.Id!, JurisdictionIds.FromId(entry.Jurisdiction)!.Value, names, abbreviations)
            {
                NotWithin = KnowledgeChecker.Clean(entry.NotWithin),
            });
        }

        return messages.Count(m => m.Severity == Severity.Error) == errors ? new Gazetteer(places, topics, slots) : null;
    }

    private static IEnumerable<string> Names(PhrasingsDto? names) =>
        KnowledgeChecker.Clean(names?.En).Concat(KnowledgeChecker.Clean(names?.Zh));

    private static IEnumerable<(string Name, string Pointer)> Pointers(PlaceDto entry, string at)
    {
        foreach (var (list, key) in new[] { (entry.Names, "names"), (entry.Abbreviations, "abbreviations"), (entry.Cities, "cities") })
        {
            for (var j = 0; j < (list?.En?.Count ?? 0); j++)
            {
                yield return (list!.En![j].Trim(), $"{at}/{key}/en/{j}");
            }

            for (var j = 0; j < (list?.Zh?.Count ?? 0); j++)
            {
                yield return (list!.Zh![j].Trim(), $"{at}/{key}/zh/{j}");
            }
        }
    }
}
