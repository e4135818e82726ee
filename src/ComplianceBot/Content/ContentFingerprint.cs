namespace ComplianceBot.Content;

/// <summary>
/// What the content folders hold, as one comparable string: for each folder, <c>absent</c>, <c>unreadable</c>, or
/// every file under it (all depths) with its size in bytes and modification time (UTC ticks), in ordinal path order.
/// Two fingerprints differ when a file was added, removed, renamed, resized or rewritten, or a folder was deleted,
/// restored or replaced by one with other files. Cheap: it reads directory entries, not file contents.
/// </summary>
internal static class ContentFingerprint
{
    /// <summary>The fingerprint of <paramref name="folders"/> (absolute paths) as they are now. Never throws for I/O.</summary>
    public static string Of(IEnumerable<string> folders)
    {
        var parts = new List<string>();
        foreach (var folder in folders)
        {
            try
            {
                if (!Directory.Exists(folder))
                {
                    parts.Add(folder + ":absent");
                    continue;
                }

                var files = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
                    .Select(file => $"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}")
                    .Order(StringComparer.Ordinal);
                parts.AddRange(files);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // DirectoryNotFoundException (an IOException) included: the folder went while it was being listed
                parts.Add(folder + ":unreadable");
            }
        }

        return string.Join('\n', parts);
    }
}
