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

    /// <summary>
    /// Whether the web host watches the content folders and reloads on change (hot reload). Default true.
    /// The command line never watches.
    /// </summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Quiet time after the last file change before reloading, in milliseconds, so an editor's save (often several
    /// writes and a rename) gives one reload. Default 300; 50 to 10000.
    /// </summary>
    [Range(50, 10_000)]
    public int ReloadDelayMilliseconds { get; set; } = 300;

    /// <summary>
    /// How often the folders are also scanned for changes, in seconds, for file systems that do not report changes
    /// (network drives, some containers). Default 5; 0 turns the scan off.
    /// </summary>
    [Range(0, 3600)]
    public int PollIntervalSeconds { get; set; } = 5;
}
