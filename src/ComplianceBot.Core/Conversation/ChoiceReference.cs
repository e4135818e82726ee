using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Conversation;

/// <summary>
/// Recognises a message that is nothing but a pointer to one of a list's items: "2", "[1]", "#2", "no. 3",
/// "option 3", "the second one", "2nd", "number two", "第二个", "选2", "2号". A number inside a question ("is article
/// 58 still in force") is not one.
/// </summary>
internal static partial class ChoiceReference
{
    // Words that may surround the number: "the second one", "option 3", "i'll take number 2 please".
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "the", "a", "one", "option", "choice", "number", "no", "nr", "num", "item", "button", "topic", "pick", "choose",
        "select", "take", "want", "like", "id", "ill", "i", "go", "for", "with", "please", "pls", "that", "this", "is",
        "it", "its", "let", "lets", "me",
    };

    // Words that name a list item and make "one" a number: "option one".
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal) { "option", "choice", "number", "item", "button" };

    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
        ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4, ["5th"] = 5, ["6th"] = 6, ["7th"] = 7, ["8th"] = 8, ["9th"] = 9,
        ["10th"] = 10,
    };

    private const string ChineseDigits = "一二三四五六七八九十";

    [GeneratedRegex(@"^(?:我)?(?:选|要|选择)?(?:第)?(?<n>[0-9]+|[一二两三四五六七八九十]{1,2})(?:个|项|条|号|种|个选项)?(?:吧)?$")]
    private static partial Regex Chinese();

    // Chinese is written unspaced, but a space between two digits ("2.5" normalised to "2 5") separates two numbers.
    [GeneratedRegex(@"(?<![0-9]) | (?![0-9])")]
    private static partial Regex SpaceNotBetweenDigits();

    /// <summary>
    /// The number <paramref name="text"/> points at (0 or more, unbounded: the caller checks it against its list, so
    /// "0" gets the same "there is no option 0" as "9" does), or null when the message is anything else ("2.5" is two
    /// numbers, not 25).
    /// </summary>
    public static int? Read(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (Chinese().Match(SpaceNotBetweenDigits().Replace(normalized, string.Empty)) is { Success: true } zh)
        {
            return Number(zh.Groups["n"].Value);
        }

        var words = normalized.Split(' ');
        if (words.Count(w => w == "one") == 1 && words.All(w => w == "one" || Labels.Contains(w)))
        {
            return 1; // "one", "option one"; in "the second one" or "no one" it is not a number
        }

        int? found = null;
        foreach (var word in words)
        {
            if (word == "one")
            {
                continue;
            }

            if (Number(word) is { } number)
            {
                if (found is not null)
                {
                    return null; // "1 or 2": not one choice
                }

                found = number;
            }
            else if (!Fillers.Contains(word))
            {
                return null;
            }
        }

        return found;
    }

    private static int? Number(string word)
    {
        if (word.Length > 0 && word.Length <= 9 && word.All(char.IsAsciiDigit))
        {
            return int.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (Words.TryGetValue(word, out var english))
        {
            return english;
        }

        return ChineseNumber(word);
    }

    // 一..十, 十一..十九, 两: enough for any list of buttons.
    private static int? ChineseNumber(string word)
    {
        word = word.Replace('两', '二');
        if (word.Length == 1)
        {
            var i = ChineseDigits.IndexOf(word[0], StringComparison.Ordinal);
            return i >= 0 ? i + 1 : null;
        }

        if (word.Length == 2 && word[0] == '十' && ChineseDigits.IndexOf(word[1], StringComparison.Ordinal) is >= 0 and < 9 and var unit)
        {
            return 10 + unit + 1;
        }

        return null;
    }
}
