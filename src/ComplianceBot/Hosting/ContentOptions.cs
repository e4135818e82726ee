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
    /// Whether the web host watches the content folders and reloads on change (hot reload). Default true; false
    /// turns hot reload off entirely (neither change notifications nor the periodic scan), so the content read at
    /// start-up is served until the host restarts. The command line never watches.
    /// </summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Quiet time after the last change notification before reloading, in milliseconds, so an editor's save (often
    /// several writes and a rename) gives one reload. Default 300; 50 to 10000. The periodic scan
    /// (<see cref="PollIntervalSeconds"/>) does not wait for it.
    /// </summary>
    [Range(50, 10_000)]
    public int ReloadDelayMilliseconds { get; set; } = 300;

    /// <summary>
    /// How often the folders are scanned for changes, in seconds: every file's name, size and modification time, and
    /// whether each folder exists. Change notifications usually trigger a reload sooner, but some file systems do not
    /// deliver them (network drives, some containers) and none reports every case (a folder deleted or replaced as a
    /// whole), so the scan is the guarantee: a change, including a deleted, restored or replaced content folder, is
    /// noticed within this interval. Default 5; 1 to 3600. It cannot be turned off (0 is refused at start-up); set
    /// <see cref="WatchForChanges"/> to false to turn hot reload off.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Content:PollIntervalSeconds must be between {1} and {2} seconds: the periodic scan is how a deleted, "
        + "restored or replaced content folder is noticed, so it cannot be turned off (Content:WatchForChanges=false turns hot reload off).")]
    public int PollIntervalSeconds { get; set; } = 5;
}
