using ComplianceBot.Core.Evaluation;
using ComplianceBot.Core.Tests.Support;

namespace ComplianceBot.Core.Tests.Matching;

/// <summary>
/// The accuracy targets of the matcher, measured on the project's own question sets (written independently of the
/// knowledge phrasings) with the thresholds shipped in appsettings.json.
/// </summary>
public class AccuracyTests
{
    [Fact]
    public void English_question_set_meets_the_accuracy_targets()
    {
        var cases = EvalCase.ReadJsonLines(Repo.Data("accuracy-questions.jsonl"));
        Assert.True(cases.Count(c => !c.IsOutOfScope) >= 150, "the set needs at least 150 in-scope questions");
        Assert.True(cases.Count(c => c.IsOutOfScope) >= 30, "the set needs at least 30 out-of-scope questions");

        var report = QuestionEvaluator.Run(RealContent.Assistant(), cases);

        var misses = string.Join(Environment.NewLine, report.Misses.Select(m => $"line {m.Case.Line}: {m.Case.Text} -> {m.Got}"));
        Assert.True(report.TopOneAccuracy >= 0.95, $"top-1 accuracy {report.TopOneAccuracy:P1} < 95%{Environment.NewLine}{misses}");
        Assert.True(report.OutOfScopeRejection >= 0.95, $"out-of-scope fallback {report.OutOfScopeRejection:P1} < 95%{Environment.NewLine}{misses}");
    }
}
