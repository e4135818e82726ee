namespace ComplianceBot.Core.Text;

/// <summary>The writing a message uses.</summary>
public enum TextScript
{
    /// <summary>No letters or ideographs at all ("2", "?", an empty message).</summary>
    None,

    /// <summary>Latin letters only (English).</summary>
    Latin,

    /// <summary>Chinese in simplified characters (Latin letters at most inside a few words, such as "VPN").</summary>
    Simplified,

    /// <summary>Chinese with traditional characters (converted to simplified before it is read).</summary>
    Traditional,

    /// <summary>Both English words and Chinese ideographs in substantial number ("is 翻墙 legal in China").</summary>
    Mixed,
}
