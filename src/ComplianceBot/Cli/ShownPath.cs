using ComplianceBot.Core.Validation;

namespace ComplianceBot.Cli;

/// <summary>
/// Paths as the commands print them, so that <c>path:line:column</c> opens in an editor from where the command
/// runs: relative to the current directory when the file is under it, absolute otherwise
/// (<c>validate --knowledge /tmp/k</c> prints <c>/tmp/k/topics/x.yaml:3:1</c>, not <c>k/topics/x.yaml:3:1</c>).
/// </summary>
public static class ShownPath
{
    /// <summary><paramref name="path"/> (absolute or relative to the current directory) as printed.</summary>
    /// <param name="path">The file or folder.</param>
    /// <param name="currentDirectory">Where the command runs; the process's current directory when null.</param>
    public static string Of(string path, string? currentDirectory = null)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(currentDirectory ?? Directory.GetCurrentDirectory(), full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                      || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return (outside ? full : relative).Replace('\\', '/');
    }

    /// <summary>
    /// <paramref name="message"/> with its path (relative to the parent of the knowledge or the dialogs folder, as
    /// the loader writes it) made printable with <see cref="Of(string, string)"/>.
    /// </summary>
    /// <param name="message">A message from <c>ContentLoader.Load</c>.</param>
    /// <param name="knowledgePath">The knowledge folder that was loaded.</param>
    /// <param name="dialogsPath">The dialogs folder that was loaded.</param>
    /// <param name="currentDirectory">Where the command runs; the process's current directory when null.</param>
    public static ValidationMessage Of(ValidationMessage message, string knowledgePath, string dialogsPath, string? currentDirectory = null)
    {
        var knowledge = Path.GetFullPath(knowledgePath).TrimEnd(Path.DirectorySeparatorChar);
        var dialogs = Path.GetFullPath(dialogsPath).TrimEnd(Path.DirectorySeparatorChar);
        var first = message.Path.Split('/')[0];
        var underKnowledge = Path.Combine(Path.GetDirectoryName(knowledge) ?? knowledge, message.Path);
        var underDialogs = Path.Combine(Path.GetDirectoryName(dialogs) ?? dialogs, message.Path);
        var full = first == Path.GetFileName(dialogs) && (first != Path.GetFileName(knowledge) || !Path.Exists(underKnowledge))
            ? underDialogs
            : underKnowledge;
        return message with { Path = Of(full, currentDirectory) };
    }
}
