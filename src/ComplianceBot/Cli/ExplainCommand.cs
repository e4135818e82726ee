using System.CommandLine;
using ComplianceBot.Core.Conversation;

namespace ComplianceBot.Cli;

/// <summary><c>explain "&lt;question&gt;"</c>: how the matcher reads a question and why it ranks topics as it does.</summary>
public static class ExplainCommand
{
    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var question = new Argument<string[]>("question")
        {
            Description = "The question; quotes are optional: several words are joined with spaces (explain can i use a vpn).",
            Arity = ArgumentArity.OneOrMore,
        };
        var explain = new Command("explain", "Show the words the matcher kept, its decision and the signals behind the best topics.") { question };
        explain.SetAction((result, _) => CommandLine.Guard(result, () => Task.FromResult(Run(string.Join(' ', result.GetRequiredValue(question)), output))));
        return explain;
    }

    private static int Run(string question, TextWriter output)
    {
        using var services = ConsoleServices.Create();
        var explanation = services.GetRequiredService<IContentProvider>().Current.Matcher.Explain(question);
        output.WriteLine($"normalised: {explanation.Query.Normalized}");
        output.WriteLine($"words:      {string.Join(' ', explanation.Query.Words)}");
        output.WriteLine($"terms:      {string.Join(' ', explanation.Query.Terms)}");
        output.WriteLine($"decision:   {explanation.Result.Outcome.ToString().ToLowerInvariant()} " +
                         string.Join(", ", explanation.Result.Candidates.Select(c => $"{c.Id} ({c.Confidence:F2})")));
        output.WriteLine("confidence  phrasing coverage descr. fuzzy posterior  target / closest phrasing");
        foreach (var t in explanation.Targets)
        {
            output.WriteLine($"{t.Confidence,10:F3} {t.Phrasing,9:F2} {t.Coverage,8:F2} {t.Description,6:F2} {t.Fuzzy,5:F2} {t.Posterior,9:F2}  {t.Id} / {t.ClosestPhrasing}");
        }

        return 0;
    }
}
