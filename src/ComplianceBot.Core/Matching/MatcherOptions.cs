namespace ComplianceBot.Core.Matching;

/// <summary>
/// Thresholds and signal weights of the question matcher (configuration section <c>Matching</c>). All scores are in
/// [0, 1]. The defaults are the tuned values that <c>appsettings.json</c> ships (a test keeps the two equal), so code
/// that builds a matcher without configuration, such as the benchmarks, measures what the product runs.
/// </summary>
public sealed class MatcherOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Matching";

    /// <summary>Minimum confidence to answer directly. Default 0.32.</summary>
    public double AnswerThreshold { get; set; } = 0.32;

    /// <summary>Minimum confidence to offer a candidate in a clarify reply; below it the bot falls back. Default 0.3.</summary>
    public double ClarifyThreshold { get; set; } = 0.3;

    /// <summary>
    /// How far the best candidate must lead the second-best (of another target) to answer without asking.
    /// Default 0.02.
    /// </summary>
    public double AmbiguityMargin { get; set; } = 0.02;

    /// <summary>Candidates within this distance of the best are offered when clarifying. Default 0.15.</summary>
    public double ClarifyBand { get; set; } = 0.15;

    /// <summary>Most candidates offered when clarifying (2 or 3). Default 3.</summary>
    public int MaxClarifyCandidates { get; set; } = 3;

    /// <summary>Weight of the best single phrasing's similarity (idf-weighted cosine). Default 0.3.</summary>
    public double PhrasingWeight { get; set; } = 0.3;

    /// <summary>Weight of the share of the question's words found among all of a target's phrasings. Default 0.3.</summary>
    public double CoverageWeight { get; set; } = 0.3;

    /// <summary>Weight of the share of the question's words found in the target's description (its answer). Default 0.1.</summary>
    public double DescriptionWeight { get; set; } = 0.1;

    /// <summary>
    /// Weight of the fuzzy (typo-tolerant) similarity to the best phrasing; only similarity above 50% counts.
    /// Default 0.1. All weights are normalised to sum to 1.
    /// </summary>
    public double FuzzyWeight { get; set; } = 0.1;

    /// <summary>
    /// Weight of the naive Bayes posterior of the target given the question's words (times coverage): how strongly the
    /// words point to this target rather than its neighbours. Default 0.6.
    /// </summary>
    public double PosteriorWeight { get; set; } = 0.6;

    /// <summary>Returns one message per invalid setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void InRange(string name, double value)
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                errors.Add($"{SectionName}:{name} must be between 0 and 1 (was {value}).");
            }
        }

        InRange(nameof(AnswerThreshold), AnswerThreshold);
        InRange(nameof(ClarifyThreshold), ClarifyThreshold);
        InRange(nameof(AmbiguityMargin), AmbiguityMargin);
        InRange(nameof(ClarifyBand), ClarifyBand);
        InRange(nameof(PhrasingWeight), PhrasingWeight);
        InRange(nameof(CoverageWeight), CoverageWeight);
        InRange(nameof(DescriptionWeight), DescriptionWeight);
        InRange(nameof(FuzzyWeight), FuzzyWeight);
        InRange(nameof(PosteriorWeight), PosteriorWeight);
        if (PhrasingWeight + CoverageWeight + DescriptionWeight + FuzzyWeight + PosteriorWeight <= 0)
        {
            errors.Add($"{SectionName}: at least one of the weights must be above 0.");
        }
        if (ClarifyThreshold > AnswerThreshold)
        {
            errors.Add($"{SectionName}:{nameof(ClarifyThreshold)} ({ClarifyThreshold}) must not exceed {nameof(AnswerThreshold)} ({AnswerThreshold}).");
        }

        if (MaxClarifyCandidates is < 2 or > 3)
        {
            errors.Add($"{SectionName}:{nameof(MaxClarifyCandidates)} must be 2 or 3 (was {MaxClarifyCandidates}).");
        }

        return errors;
    }
}
