namespace ComplianceBot.Core.Places;

/// <summary>How a place name typed by the user is shown back in a reply.</summary>
public static class PlaceDisplay
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "the", "of", "and" };

    // Three-letter names in knowledge/places.yaml that are abbreviations; other short words ("new", "san") are names.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal) { "usa", "uae", "sar", "prc", "roc" };

    /// <summary>
    /// <paramref name="typed"/> as written when it has a capital letter or is not Latin ("Berlin", "HK", "香港");
    /// otherwise capitalised as a name: each word with a capital ("hongkong" → "Hongkong", "new york" → "New York"),
    /// except "the", "of", "and", and abbreviations in capitals: words of one or two letters and the gazetteer's
    /// three-letter ones ("the us" → "the US", "uk" → "UK", "u.s." → "U.S.", "hong kong sar" → "Hong Kong SAR").
    /// </summary>
    public static string Of(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.Any(char.IsUpper) || !typed.Any(c => c is >= 'a' and <= 'z'))
        {
            return typed;
        }

        var words = typed.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length == 0 || SmallWords.Contains(word))
            {
                continue;
            }

            words[i] = (word.Count(char.IsLetter) <= 2 && word.All(c => char.IsLetter(c) || c == '.')) || Abbreviations.Contains(word)
                ? word.ToUpperInvariant()
                : char.ToUpperInvariant(word[0]) + word[1..];
        }

        return string.Join(' ', words);
    }
}
