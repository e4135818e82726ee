using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Warns when the same or nearly the same phrasing is listed under two owners (topics, dialog triggers, out-of-scope
/// groups): the matcher then cannot tell which is meant and the question flips between them. Phrasings are compared after <see cref="TextNormalizer"/>
/// (case, punctuation, full-width forms) with FuzzySharp's ratio; one warning per phrasing, at the later one in
/// file order, naming both topics and files.
/// </summary>
/// <remarks>
/// Runs on every load, so it must stay fast with thousands of phrasings: pairs are only scored when their lengths
/// and their character pairs could reach <see cref="NearlySameRatio"/> at all. FuzzySharp's ratio is
/// 1 - d / total length, where d is the insert/delete distance; d is at least the length difference, and (q-gram
/// lemma) two strings within edit distance k ≤ d share at least max length - 1 - 2k character pairs (bigrams).
/// </remarks>
internal static class PhrasingCollisionCheck
{
    /// <summary>FuzzySharp ratio (0-100) from which two phrasings count as nearly the same.</summary>
    public const int NearlySameRatio = 92;

    // Slightly looser than the ratio itself (which FuzzySharp rounds), so the cheap filters never drop a real match.
    private const double MaxDistanceShare = 1 - (NearlySameRatio - 1) / 100.0;

    /// <summary>Adds a warning for each phrasing that collides with one of another owner listed before it.</summary>
    /// <param name="topics">Parsed topic files.</param>
    /// <param name="outOfScope">Parsed <c>out-of-scope.yaml</c>, if any (compared after the topics).</param>
    /// <param name="dialogs">Parsed dialog files, whose triggers are compared last.</param>
    /// <param name="messages">Where the warnings go.</param>
    public static void Check(IReadOnlyList<ParsedFile<TopicDto>> topics, ParsedFile<OutOfScopeDto>? outOfScope,
        IReadOnlyList<ParsedFile<DialogDto>> dialogs, List<ValidationMessage> messages)
    {
        foreach (var language in new[] { Language.English, Language.Chinese })
        {
            var entries = Collect(topics, outOfScope, dialogs, language);
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

                    if (a.Owner == b.Owner || !Collides(a, b, total))
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

    private static List<Entry> Collect(IReadOnlyList<ParsedFile<TopicDto>> topics, ParsedFile<OutOfScopeDto>? outOfScope,
        IReadOnlyList<ParsedFile<DialogDto>> dialogs, Language language)
    {
        var entries = new List<Entry>();
        foreach (var file in topics)
        {
            if (file.Dto is { Id: { } id } dto)
            {
                Add(entries, file, $"topic '{id}'", "/phrasings", dto.Phrasings, language);
            }
        }

        var groups = outOfScope?.Dto?.Groups ?? [];
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Id is { } id)
            {
                Add(entries, outOfScope!, $"out-of-scope group '{id}'", $"/groups/{g}/phrasings", groups[g].Phrasings, language);
            }
        }

        foreach (var file in dialogs)
        {
            if (file.Dto is { Id: { } id } dto)
            {
                Add(entries, file, $"dialog '{id}' (trigger)", "/triggers", dto.Triggers, language);
            }
        }

        return entries;
    }

    private static void Add<T>(List<Entry> entries, ParsedFile<T> file, string owner, string at, PhrasingsDto? phrasings, Language language)
        where T : class
    {
        var list = language == Language.English ? phrasings?.En : phrasings?.Zh;
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            var normalized = TextNormalizer.Normalize(list![i]);
            if (normalized.Length > 0)
            {
                var (line, column) = file.ValueAt($"{at}/{language.ToCode()}/{i}");
                entries.Add(new Entry(entries.Count, file.Path, line, column, owner, list[i].Trim(), normalized, Bigrams(normalized)));
            }
        }
    }

    private static bool Collides(Entry a, Entry b, int total)
    {
        if (a.Normalized == b.Normalized)
        {
            return true;
        }

        var longest = Math.Max(a.Normalized.Length, b.Normalized.Length);
        if (Shared(a.Bigrams, b.Bigrams) < longest - 1 - (2 * MaxDistanceShare * total))
        {
            return false;
        }

        return FuzzySharp.Fuzz.Ratio(a.Normalized, b.Normalized) >= NearlySameRatio;
    }

    // Size of the multiset intersection of two sorted arrays.
    private static int Shared(int[] a, int[] b)
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

    // The character pairs of text, as sorted numbers (a multiset).
    private static int[] Bigrams(string text)
    {
        var pairs = new int[Math.Max(0, text.Length - 1)];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (text[i] << 16) | text[i + 1];
        }

        Array.Sort(pairs);
        return pairs;
    }

    private static ValidationMessage Warning(Entry entry, Entry clash)
    {
        var how = clash.Normalized == entry.Normalized ? "the same as" : "nearly the same as";
        return new ValidationMessage(entry.Path, entry.Line, entry.Column, Severity.Warning,
            $"phrasing '{entry.Text}' of {entry.Owner} is {how} '{clash.Text}' of {clash.Owner} "
            + $"({clash.Path}:{clash.Line}); the bot cannot tell the two apart: reword one or keep it in one place");
    }

    private sealed record Entry(int Order, string Path, int Line, int Column, string Owner, string Text, string Normalized, int[] Bigrams);
}
