using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Hosting;

/// <summary>Where the content lives (configuration section <c>Content</c>).</summary>
public sealed class ContentOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Content";

    /// <summary>The knowledge folder; relative paths are resolved against the content root. Default <c>knowledge</c>.</summary>
    [Required]
    public string KnowledgePath { get; set; } = "knowledge";

    /// <summary>The dialogs folder; relative paths are resolved against the content root. Default <c>dialogs</c>.</summary>
    [Required]
    public string DialogsPath { get; set; } = "dialogs";
}
