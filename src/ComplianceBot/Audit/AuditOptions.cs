using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Audit;

/// <summary>The audit trail: a record of every turn, what the bot told whom (configuration section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Audit";

    /// <summary>Whether the web host records every turn. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The secret key of the HMAC-SHA256 that replaces user ids in the audit trail (any text; 32 or more random
    /// characters). Empty (the default): a random key is generated once and kept in <see cref="UserIdKeyPath"/>. Never logged.
    /// Keep it: with another key the same person gets another hash.
    /// </summary>
    public string? UserIdKey { get; set; }

    /// <summary>Where the generated key is kept when <see cref="UserIdKey"/> is empty; relative to the content root. Default <c>data/audit-user-id.key</c>.</summary>
    [Required]
    public string UserIdKeyPath { get; set; } = "data/audit-user-id.key";

    /// <summary>Days an audit record is kept; older ones are deleted by the background sweep. Default 365; 1 to 36500.</summary>
    [Range(1, 36500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>Longest message text kept in a record, in characters (after redaction); longer text is cut. Default 500; 20 to 4000.</summary>
    [Range(20, 4000)]
    public int MaxTextLength { get; set; } = 500;

    /// <summary>
    /// Records waiting to be written before new ones are dropped (each drop is logged as an error): the writer never
    /// holds a turn up. Default 10000; 100 to 1000000.
    /// </summary>
    [Range(100, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
