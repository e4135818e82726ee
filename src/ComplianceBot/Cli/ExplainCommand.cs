using System.CommandLine;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Dialogs;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>explain "&lt;message&gt;" [--knowledge DIR] [--dialogs DIR]</c>: why the bot answers a first message as it does. It prints the turn's analysis
/// (<see cref="TurnAnalysis.Describe"/>: language and script, places, the facts stated for each check, control words,
/// the match results) and the decision (<see cref="Decision"/>: where the turn went and why), then how the matcher that
/// answers FAQ questions (topics and out-of-scope groups, <see cref="ServedContent.TopicsMatcher"/>) ranks topics, with
/// its signals. Its confidences are the ones answers carry. Dialog triggers are matched by a second matcher only to
/// decide whether a check starts, and messages such as greetings, numbers or control words never reach matching.
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
        var explain = new Command("explain", "Show how the bot reads a message and why it goes where it does (the turn's analysis and decision), and the signals behind the best FAQ topics.") { question };
        var folders = ContentFolderOptions.AddTo(explain);
        explain.SetAction((result, _) => CommandLine.Guard(result, () =>
            Task.FromResult(Run(string.Join(' ', result.GetRequiredValue(question)), folders.Resolve(result), output))));
        return explain;
    }

    private static int Run(string question, ContentFolders folders, TextWriter output)
    {
        using var services = ConsoleServices.Create(folders);
        var content = services.GetRequiredService<IContentProvider>().Current;
        var (analysis, result) = new ComplianceAssistant(new FixedContentProvider(content)).Explain(new TurnInput(question), new ConversationState());
        foreach (var line in analysis.Describe())
        {
            output.WriteLine(line);
        }

        output.WriteLine($"decision:   {result.Decision}");
        output.WriteLine($"replies:    {string.Join(" | ", result.Replies.Select(r => r.Value?.Type ?? r.Kind.ToString().ToLowerInvariant()))}");
        output.WriteLine();
        var explanation = content.TopicsMatcher.Explain(question);
        output.WriteLine("matcher:    FAQ topics and out-of-scope groups (the matcher that answers questions; dialog triggers only decide whether a check starts)");
        output.WriteLine($"words:      {string.Join(' ', explanation.Query.Words)}");
        output.WriteLine($"terms:      {string.Join(' ', explanation.Query.Terms)}");
        output.WriteLine($"outcome:    {explanation.Result.Outcome.ToString().ToLowerInvariant()} " +
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
