using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;
using ComplianceBot.Core.Text;

namespace ComplianceBot.Core.Validation;

/// <summary>
/// Warns when the same or nearly the same phrasing is listed under two topics: the matcher then cannot tell which
/// topic is meant and the question flips between them. Phrasings are compared after <see cref="TextNormalizer"/>
/// (case, punctuation, full-width forms) with FuzzySharp's ratio; one warning per pair, at the later file,
/// naming both topics and files.
/// </summary>
internal static class PhrasingCollisionCheck
{
    /// <summary>FuzzySharp ratio (0-100) from which two phrasings count as nearly the same.</summary>
    public const int NearlySameRatio = 92;

    /// <summary>Adds a warning for each colliding pair of phrasings across <paramref name="topics"/>.</summary>
    public static void Check(IReadOnlyList<ParsedFile<TopicDto>> topics, List<ValidationMessage> messages)
    {
        foreach (var language in new[] { Language.English, Language.Chinese })
        {
            var seen = new List<Entry>();
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
                    if (normalized.Length == 0)
                    {
                        continue;
                    }

                    var entry = new Entry(file, id, $"/phrasings/{language.ToCode()}/{i}", list[i].Trim(), normalized);
                    if (seen.FirstOrDefault(other => other.TopicId != id && Collides(other.Normalized, normalized)) is { } clash)
                    {
                        var how = clash.Normalized == normalized ? "the same as" : "nearly the same as";
                        var (line, _) = clash.File.ValueAt(clash.Pointer);
                        messages.Add(file.At(entry.Pointer, Severity.Warning,
                            $"phrasing '{entry.Text}' of topic '{id}' is {how} '{clash.Text}' of topic '{clash.TopicId}' "
                            + $"({clash.File.Path}:{line}); the bot cannot tell the two topics apart: reword one or keep it under one topic"));
                    }

                    seen.Add(entry);
                }
            }
        }
    }

    private static bool Collides(string a, string b) =>
        a == b || FuzzySharp.Fuzz.Ratio(a, b) >= NearlySameRatio;

    private sealed record Entry(ParsedFile<TopicDto> File, string TopicId, string Pointer, string Text, string Normalized);
}
