namespace ComplianceBot.Core.Knowledge;

/// <summary>Identifies the content a reply came from.</summary>
/// <param name="Hash">SHA-256 over every content file's relative path and bytes, lowercase hex (64 characters).</param>
/// <param name="LoadedAt">When this content was loaded (UTC).</param>
/// <param name="AsOf">The most recent review date among the entries: the "as of" date shown to readers.</param>
public sealed record ContentVersion(string Hash, DateTimeOffset LoadedAt, DateOnly AsOf)
{
    /// <summary>The first 12 hex digits of <see cref="Hash"/>: enough to tell deployments apart in a reply.</summary>
    public string ShortHash => Hash.Length > 12 ? Hash[..12] : Hash;
}
