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
/// <c>validate</c> runs it inline; the running bot runs it in the background once the content is served
/// (<see cref="ContentLoader.LoadDeferringPhrasingCheck"/>). Either way it must stay fast with tens of thousands of phrasings: pairs are only scored when their
/// lengths, chunks and character counts could reach <see cref="NearlySameRatio"/> at all (<see cref="NearlySamePairs"/>).
/// </remarks>
internal static class PhrasingCollisionCheck
{
    /// <summary>FuzzySharp ratio (0-100) from which two phrasings count as nearly the same.</summary>
    public const int NearlySameRatio = 92;

    /// <summary>
    /// What the check compares, taken from the parsed files (each phrasing's text, normalised text, owner and place), so
    /// the comparison (<see cref="Warnings"/>) can run later without the parse trees.
    /// </summary>
    internal static Phrasings Collect(IReadOnlyList<ParsedFile<TopicDto>> topics, ParsedFile<OutOfScopeDto>? outOfScope,
        IReadOnlyList<ParsedFile<DialogDto>> dialogs) =>
        new(Collect(topics, outOfScope, dialogs, Language.English), Collect(topics, outOfScope, dialogs, Language.Chinese));

    /// <summary>
    /// The warnings for <paramref name="phrasings"/>, English ones first, each language in file order: one per phrasing that
    /// collides with one of another owner listed before it. The two languages are compared in parallel (they are independent).
    /// </summary>
    internal static List<ValidationMessage> Warnings(Phrasings phrasings, CancellationToken cancellationToken = default)
    {
        var languages = new[] { phrasings.English, phrasings.Chinese };
        var clashes = new int[languages.Length][];
        var same = new bool[languages.Length][];
        Parallel.For(0, languages.Length, new ParallelOptions { CancellationToken = cancellationToken }, l =>
        {
            // The normalised texts live only while their language is compared (about 20 MB at 10,000 topics). Lists, not
            // arrays: the comparison reads them through IReadOnlyList, whose calls on an array cost twice the lint's time.
            var normalized = new List<string>(languages[l].Count);
            var owners = new List<string>(languages[l].Count);
            foreach (var entry in languages[l])
            {
                normalized.Add(TextNormalizer.Normalize(entry.Source));
                owners.Add(entry.Owner);
            }

            clashes[l] = NearlySamePairs.EarliestClashes(owners, normalized, cancellationToken);
            same[l] = new bool[normalized.Count];
            for (var order = 0; order < normalized.Count; order++)
            {
                same[l][order] = clashes[l][order] >= 0 && string.Equals(normalized[clashes[l][order]], normalized[order], StringComparison.Ordinal);
            }
        });
        var warnings = new List<ValidationMessage>();
        for (var l = 0; l < languages.Length; l++)
        {
            for (var order = 0; order < languages[l].Count; order++)
            {
                if (clashes[l][order] >= 0)
                {
                    var entry = languages[l][order];
                    warnings.Add(new ValidationMessage(entry.Path, entry.Line, entry.Column, Severity.Warning,
                        new ClashText(languages[l], order, clashes[l][order], same[l][order])));
                }
            }
        }

        return warnings;
    }

    /// <summary>
    /// For each phrasing, the position of the earliest phrasing listed before it, of another owner, that is the same or
    /// nearly the same; -1 where there is none (<see cref="NearlySamePairs"/>).
    /// </summary>
    /// <param name="owners">The owner of each phrasing (compared with <see cref="string.Equals(string, string)"/>).</param>
    /// <param name="texts">The phrasings after <see cref="TextNormalizer"/>, none empty, in file order.</param>
    internal static int[] EarliestClashes(IReadOnlyList<string> owners, IReadOnlyList<string> texts) =>
        NearlySamePairs.EarliestClashes(owners, texts);

    /// <summary>
    /// Whether the insert/delete distance between <paramref name="a"/> and <paramref name="b"/> is at most
    /// <paramref name="limit"/>: the dynamic programme restricted to the band of cells within <paramref name="limit"/>
    /// of the diagonal (any path leaving it costs more), so O(length × limit) instead of O(length²).
    /// </summary>
    internal static bool IndelDistanceWithin(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        const int Far = int.MaxValue / 2;
        var width = (2 * limit) + 1;
        var previous = new int[width]; // previous[j - i + limit] = distance of a[..i-1] and b[..j]
        var current = new int[width];
        for (var d = 0; d < width; d++)
        {
            var j = d - limit;
            previous[d] = j >= 0 && j <= b.Length ? j : Far;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var best = Far;
            for (var d = 0; d < width; d++)
            {
                var j = i + d - limit;
                int value;
                if (j < 0 || j > b.Length)
                {
                    value = Far;
                }
                else if (j == 0)
                {
                    value = i;
                }
                else if (a[i - 1] == b[j - 1])
                {
                    value = previous[d]; // (i-1, j-1) is on the same diagonal
                }
                else
                {
                    var up = d + 1 < width ? previous[d + 1] : Far; // (i-1, j): delete a[i-1]
                    var left = d > 0 ? current[d - 1] : Far; // (i, j-1): insert b[j-1]
                    value = 1 + Math.Min(up, left);
                }

                current[d] = value;
                best = Math.Min(best, value);
            }

            if (best > limit)
            {
                return false;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length - a.Length + limit] <= limit;
    }


    private static Entry[] Collect(IReadOnlyList<ParsedFile<TopicDto>> topics, ParsedFile<OutOfScopeDto>? outOfScope,
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

        return [.. entries]; // exact size: kept until the deferred check runs
    }

    private static void Add<T>(List<Entry> entries, ParsedFile<T> file, string owner, string at, PhrasingsDto? phrasings, Language language)
        where T : class
    {
        var list = language == Language.English ? phrasings?.En : phrasings?.Zh;
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (TextNormalizer.Normalize(list![i]).Length > 0) // normalised again by the check: kept, it would double the input
            {
                var (line, column) = file.ValueAt($"{at}/{language.ToCode()}/{i}");
                entries.Add(new Entry(file.Path, line, column, owner, list[i]));
            }
        }
    }



    /// <summary>
    /// The text of the warning for phrasing <paramref name="at"/> of <paramref name="entries"/>, which collides with
    /// phrasing <paramref name="clash"/>: written when read, from the lint's input (whose strings the content keeps),
    /// so a warning costs about 90 bytes instead of about 600 for its text (109,450 warnings at 10,000 topics).
    /// </summary>
    private sealed class ClashText(IReadOnlyList<Entry> entries, int at, int clash, bool same) : IMessageText
    {
        public string Write()
        {
            var (entry, other) = (entries[at], entries[clash]);
            var how = same ? "the same as" : "nearly the same as";
            return $"phrasing '{entry.Text}' of {entry.Owner} is {how} '{other.Text}' of {other.Owner} "
                + $"({other.Path}:{other.Line}); the bot cannot tell the two apart: reword one or keep it in one place";
        }
    }

    /// <summary>
    /// One phrasing as the check compares it: where it is, whose it is, and its text as the file gives it. The running
    /// bot keeps these until the deferred check has run (tens of thousands at 10,000 topics), so an entry is a struct
    /// holding strings the content keeps anyway (paths, one owner per file, the phrasing the topic keeps when it needs
    /// no trimming); the normalised texts are computed by the check.
    /// </summary>
    internal readonly record struct Entry(string Path, int Line, int Column, string Owner, string Source)
    {
        /// <summary>The phrasing as the warnings quote it (trimmed).</summary>
        public string Text => Source.Trim();
    }

    /// <summary>The phrasings the check compares, per language, in file order.</summary>
    internal sealed record Phrasings(IReadOnlyList<Entry> English, IReadOnlyList<Entry> Chinese);
}
