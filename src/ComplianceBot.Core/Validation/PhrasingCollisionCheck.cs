using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Warns when the same or nearly the same phrasing is listed under two topics: the matcher then cannot tell which
/// topic is meant and the question flips between them. Phrasings are compared after <see cref="TextNormalizer"/>
/// (case, punctuation, full-width forms) with FuzzySharp's ratio; one warning per phrasing, at the later one in
/// file order, naming both topics and files.
/// </summary>
/// <remarks>
/// Runs on every load, so it must stay fast with thousands of phrasings: pairs are only scored when their lengths
/// and their characters could reach <see cref="NearlySameRatio"/> at all (FuzzySharp's ratio is
/// 1 - insert/delete distance / total length, and that distance is at least the length difference and at least the
/// characters the two do not share).
/// </remarks>
internal static class PhrasingCollisionCheck
{
    /// <summary>FuzzySharp ratio (0-100) from which two phrasings count as nearly the same.</summary>
    public const int NearlySameRatio = 92;

    // Slightly looser than the ratio itself (which FuzzySharp rounds), so the cheap filters never drop a real match.
    private const double MaxDistanceShare = 1 - (NearlySameRatio - 1) / 100.0;

    /// <summary>Adds a warning for each phrasing that collides with one of another topic listed before it.</summary>
    public static void Check(IReadOnlyList<ParsedFile<TopicDto>> topics, List<ValidationMessage> messages)
    {
        foreach (var language in new[] { Language.English, Language.Chinese })
        {
            var entries = Collect(topics, language);
            var clashes = new Entry?[entries.Count];
            var byLength = entries.OrderBy(e => e.Normalized.Length).ToList();
            for (var i = 0; i < byLength.Count; i++)
            {
                var a = byLength[i];
                for (var j = i + 1; j < byLength.Count; j++)
                {
                    var b = byLength[j];
                    var total = a.Normalized.Length + b.Normalized.Length;
                    if (b.Normalized.Length - a.Normalized.Length > MaxDistanceShare * total)
                    {
                        break; // every later entry is longer still
                    }

                    if (a.TopicId == b.TopicId || !Collides(a, b, total))
                    {
                        continue;
                    }

                    var (early, late) = a.Order < b.Order ? (a, b) : (b, a);
                    if (clashes[late.Order] is not { } known || early.Order < known.Order)
                    {
                        clashes[late.Order] = early;
                    }
                }
            }

            for (var order = 0; order < entries.Count; order++)
            {
                if (clashes[order] is { } clash)
                {
                    messages.Add(Warning(entries[order], clash));
                }
            }
        }
    }

    private static List<Entry> Collect(IReadOnlyList<ParsedFile<TopicDto>> topics, Language language)
    {
        var entries = new List<Entry>();
        foreach (var file in topics)
        {
            if (file.Dto is not { Id: { } id } dto)
            {
                continue;
            }

            var list = language == Language.English ? dto.Phrasings?.En : dto.Phrasings?.Zh;
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                var normalized = TextNormalizer.Normalize(list![i]);
                if (normalized.Length > 0)
                {
                    var letters = normalized.ToCharArray();
                    Array.Sort(letters);
                    entries.Add(new Entry(entries.Count, file, id, $"/phrasings/{language.ToCode()}/{i}", list[i].Trim(), normalized, letters));
                }
            }
        }

        return entries;
    }

    private static bool Collides(Entry a, Entry b, int total)
    {
        if (a.Normalized == b.Normalized)
        {
            return true;
        }

        if (total - 2 * SharedLetters(a.Letters, b.Letters) > MaxDistanceShare * total)
        {
            return false;
        }

        return FuzzySharp.Fuzz.Ratio(a.Normalized, b.Normalized) >= NearlySameRatio;
    }

    // Size of the multiset intersection of two sorted character arrays.
    private static int SharedLetters(char[] a, char[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    private static ValidationMessage Warning(Entry entry, Entry clash)
    {
        var how = clash.Normalized == entry.Normalized ? "the same as" : "nearly the same as";
        var (line, _) = clash.File.ValueAt(clash.Pointer);
        return entry.File.At(entry.Pointer, Severity.Warning,
            $"phrasing '{entry.Text}' of topic '{entry.TopicId}' is {how} '{clash.Text}' of topic '{clash.TopicId}' "
            + $"({clash.File.Path}:{line}); the bot cannot tell the two topics apart: reword one or keep it under one topic");
    }

    private sealed record Entry(int Order, ParsedFile<TopicDto> File, string TopicId, string Pointer, string Text, string Normalized, char[] Letters);
}
