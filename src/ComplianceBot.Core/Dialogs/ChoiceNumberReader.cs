using ComplianceBot.Core.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ComplianceBot.Core.Dialogs;

/// <summary>
/// Reads a choice number from a short answer with Microsoft.Recognizers.Text: "2", "two", "the second one",
/// "option 3", "第二个". Ordinals win over cardinals ("the 2nd one" is 2, not 1).
/// </summary>
internal static class ChoiceNumberReader
{
    /// <summary>The 1-based choice number in <paramref name="text"/>, or null when there is none or it is out of 1..<paramref name="choiceCount"/>.</summary>
    public static int? Read(string text, Language language, int choiceCount)
    {
        // Only a message that is nothing but a pointer to an option ("2", "the second one", "option 3", "第二个") is a
        // number: "one" or 一个 inside words ("some random one", "whichever one is cheapest", "随便一个") is a pronoun,
        // and reading it as option 1 picked the first, often the most permissive, answer.
        if (Conversation.ChoiceReference.Read(text) is null)
        {
            return null;
        }

        // "第二个" is read as Chinese even in an English conversation (the reply stays in the conversation's language).
        var culture = language == Language.Chinese || text.Any(Scripts.IsHan) ? Culture.Chinese : Culture.English;
        return Single(NumberRecognizer.RecognizeOrdinal(text, culture), choiceCount)
               ?? Single(NumberRecognizer.RecognizeNumber(text, culture), choiceCount);
    }

    private static int? Single(IEnumerable<ModelResult> results, int choiceCount)
    {
        var numbers = results
            .Select(r => r.Resolution is { } resolution && resolution.TryGetValue("value", out var v) ? v?.ToString() : null)
            .Select(v => int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n >= 1 && n <= choiceCount)
            .Distinct()
            .ToList();
        return numbers.Count == 1 ? numbers[0] : null;
    }
}
