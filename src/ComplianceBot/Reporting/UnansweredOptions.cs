using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Reporting;

/// <summary>Where questions the bot could not answer are recorded (configuration section <c>Unanswered</c>).</summary>
public sealed class UnansweredOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Unanswered";

    /// <summary>Whether the web host records questions that fell back or needed clarification. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The SQLite database file; relative paths are resolved against the content root. Default
    /// <c>data/unanswered.db</c> (the folder is created when needed and is ignored by git).
    /// </summary>
    [Required]
    public string Path { get; set; } = "data/unanswered.db";

    /// <summary>Longest question text kept, in characters; longer text is cut. Default 300; 20 to 4000.</summary>
    [Range(20, 4000)]
    public int MaxTextLength { get; set; } = 300;

    /// <summary>
    /// How long a question is kept after it was last asked, in days; older rows are deleted whenever a question is
    /// recorded or the report is read. Default 90; 1 to 3650. Keep it short: free text may contain what people typed.
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
