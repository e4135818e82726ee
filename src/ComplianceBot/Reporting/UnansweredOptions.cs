using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Reporting;

/// <summary>Recording of questions the bot could not answer (configuration section <c>Unanswered</c>); they are kept in the store of <c>Storage:Provider</c>.</summary>
public sealed class UnansweredOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Unanswered";

    /// <summary>Whether the web host records questions that fell back or needed clarification. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Longest question text kept, in characters; longer text is cut. Default 300; 20 to 4000.</summary>
    [Range(20, 4000)]
    public int MaxTextLength { get; set; } = 300;

    /// <summary>
    /// How long a question is kept after it was last asked, in days; older rows are deleted by the background sweep
    /// and never reported. Default 90; 1 to 3650. Keep it short: free text may contain what people typed.
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
