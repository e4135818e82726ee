using System.CommandLine;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>explain "&lt;question&gt;" [--knowledge DIR] [--dialogs DIR]</c>: how the matcher that answers FAQ questions (topics and out-of-scope groups, the
/// one <c>ask</c> and the channels answer with, <see cref="ServedContent.TopicsMatcher"/>) reads a question and why it
/// ranks topics as it does. Its confidences are the ones answers carry. Dialog triggers are matched by a second matcher
/// only to decide whether a check starts, and messages such as greetings, numbers or control words never reach matching.
/// </summary>
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
        var explain = new Command("explain", "Show how the FAQ matcher (the one that answers questions) reads a question: the words it kept, its decision and the signals behind the best topics.") { question };
        var folders = ContentFolderOptions.AddTo(explain);
        explain.SetAction((result, _) => CommandLine.Guard(result, () =>
            Task.FromResult(Run(string.Join(' ', result.GetRequiredValue(question)), folders.Resolve(result), output))));
        return explain;
    }

    private static int Run(string question, ContentFolders folders, TextWriter output)
    {
        using var services = ConsoleServices.Create(folders);
        var content = services.GetRequiredService<IContentProvider>().Current;
        var explanation = content.TopicsMatcher.Explain(question);
        output.WriteLine("matcher:    FAQ topics and out-of-scope groups (the matcher that answers questions; dialog triggers only decide whether a check starts)");
        output.WriteLine($"normalised: {explanation.Query.Normalized}");
        output.WriteLine($"words:      {string.Join(' ', explanation.Query.Words)}");
        output.WriteLine($"terms:      {string.Join(' ', explanation.Query.Terms)}");
        output.WriteLine($"decision:   {explanation.Result.Outcome.ToString().ToLowerInvariant()} " +
                         string.Join(", ", explanation.Result.Candidates.Select(c => $"{c.Id} ({c.Confidence:F2})")));
        var dialog = content.Matcher.Explain(question, top: int.MaxValue).Targets.FirstOrDefault(t => t.Id.StartsWith(DialogDefinition.TargetPrefix, StringComparison.Ordinal));
        if (!ReferenceEquals(content.Matcher, content.TopicsMatcher))
        {
            output.WriteLine(dialog is null
                ? "dialogs:    no dialog trigger shares a word with the question"
                : $"dialogs:    best trigger match {dialog.Id} ({dialog.Confidence:F2}) / {dialog.ClosestPhrasing} (matcher over topics and triggers; decides whether a check starts)");
        }

        output.WriteLine("confidence  phrasing coverage descr. fuzzy posterior  target / closest phrasing");
        foreach (var t in explanation.Targets)
        {
            output.WriteLine($"{t.Confidence,10:F3} {t.Phrasing,9:F2} {t.Coverage,8:F2} {t.Description,6:F2} {t.Fuzzy,5:F2} {t.Posterior,9:F2}  {t.Id} / {t.ClosestPhrasing}");
        }

        return 0;
    }
}
