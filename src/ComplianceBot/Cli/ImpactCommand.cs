using System.CommandLine;
using ComplianceBot.Core.Knowledge;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>impact &lt;regulation-id&gt; [--article N] [--knowledge DIR] [--dialogs DIR]</c>: every FAQ answer and dialog
/// verdict that cites a regulation, with file, line and articles, so a change in the law can be followed through the content.
/// Without a regulation id it lists the regulation ids there are.
/// </summary>
/// <remarks>Exit codes: 0 listed; 1 the content has errors; 2 unknown regulation or article, or a content folder not found.</remarks>
public static class ImpactCommand
{
    /// <summary>Exit code for an unknown regulation or article.</summary>
    public const int UnknownExitCode = 2;

    /// <summary>Creates the command, writing to <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output)
    {
        var regulation = new Argument<string?>("regulation-id")
        {
            Description = "A regulation id, e.g. cybersecurity-law (the file name in knowledge/regulations/); without it the ids are listed.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var article = new Option<string?>("--article") { Description = "Only what cites this article (or the regulation as a whole)." };
        var impact = new Command("impact", "List every FAQ answer and dialog verdict that cites a regulation (without an id: the regulation ids).") { regulation, article };
        var folders = ContentFolderOptions.AddTo(impact);
        impact.SetAction((result, _) => CommandLine.Guard(result, () => Task.FromResult(
            Run(result.GetValue(regulation), result.GetValue(article), folders.Resolve(result), output))));
        return impact;
    }

    private static int Run(string? regulationId, string? article, ContentFolders folders, TextWriter output)
    {
        if (LoadedContent.LoadOrReport(folders, output) is not { Content: { } } loaded)
        {
            return LoadedContent.ErrorsExitCode;
        }

        var knowledge = loaded.Content.Knowledge;
        if (string.IsNullOrWhiteSpace(regulationId))
        {
            output.WriteLine("Which regulation? Give its id: impact <regulation-id> [--article N]. The regulations:");
            var width = knowledge.Regulations.Max(entry => entry.Id.Length);
            foreach (var entry in knowledge.Regulations.OrderBy(entry => entry.Id, StringComparer.Ordinal))
            {
                output.WriteLine($"  {entry.Id.PadRight(width)}  {entry.ShortName.En} ({Status(entry)})");
            }

            return 0;
        }

        ImpactReport? report;
        try
        {
            report = ImpactAnalysis.For(loaded.Content, regulationId.Trim(), article?.Trim());
        }
        catch (ArgumentException ex)
        {
            output.WriteLine("error: " + ex.Message.Split(" (Parameter", 2)[0]);
            return UnknownExitCode;
        }

        if (report is null)
        {
            var hint = ImpactAnalysis.Suggest(knowledge, regulationId);
            output.WriteLine($"error: unknown regulation '{regulationId}'" + (hint is null
                ? $"; known ids: {string.Join(", ", knowledge.Regulations.Select(r => r.Id))}"
                : $"; did you mean '{hint}'?"));
            return UnknownExitCode;
        }

        var r = report.Regulation;
        output.WriteLine($"{r.Id}: {r.Name.En} ({Status(r)})");
        if (report.FormerNumber is var (number, year))
        {
            output.WriteLine($"Art. {number} is the {year} numbering; it is now Art. {report.Article}.");
        }

        var subject = report.Article is null ? "it" : $"Art. {report.Article} (or the whole instrument)";
        output.WriteLine($"FAQ answers citing {subject}: {report.Topics.Count}");
        foreach (var citing in report.Topics)
        {
            // The line of the topic's first citation of the regulation, from the parser's line map.
            var citation = citing.Topic.Citations.ToList().FindIndex(c => c.RegulationId == r.Id);
            var at = loaded.Sources.Topic(citing.Topic.Id, $"/citations/{citation}/regulation");
            var articles = citing.Articles.Count == 0 ? "whole instrument" : "Art. " + string.Join(", ", citing.Articles);
            output.WriteLine($"  {Shown(at)}: {citing.Topic.Id} ({articles})");
        }

        output.WriteLine($"Dialog verdicts citing {subject}: {report.Verdicts.Count}");
        foreach (var verdict in report.Verdicts)
        {
            var at = loaded.Sources.Dialog(verdict.Dialog.Id, $"/rules/{verdict.Rule.Number - 1}/id");
            var articles = verdict.Articles.Count == 0 ? "whole instrument" : "Art. " + string.Join(", ", verdict.Articles);
            output.WriteLine($"  {Shown(at)}: {verdict.Dialog.Id} rule '{verdict.Rule.Id}' -> {verdict.Rule.Outcome.Verdict} ({articles})");
        }

        return 0;
    }

    private static string Status(Regulation r)
    {
        var parts = new List<string> { r.Verification switch
        {
            VerificationStatus.Verified => "verified",
            VerificationStatus.PartiallyVerified => "partially verified",
            _ => "UNVERIFIED",
        } };
        if (r.Revised.Count > 0)
        {
            parts.Add($"revised {r.Revised.Max():yyyy-MM-dd}");
        }

        if (r.InForce is { } inForce)
        {
            parts.Add($"in force {inForce:yyyy-MM-dd}");
        }

        return string.Join("; ", parts);
    }

    // file:line as printed (a content file that loaded always has a line map; "?" guards the impossible).
    private static string Shown(SourceLocation? at) => at is null ? "?" : $"{ShownPath.Of(at.FilePath)}:{at.Line}";
}
