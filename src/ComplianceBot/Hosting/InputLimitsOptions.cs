using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Hosting;

/// <summary>
/// How much input one request and one turn may carry (configuration section <c>InputLimits</c>), so an oversized
/// message cannot pin a CPU or fill memory. The defaults are far above any real chat message: Teams caps a message
/// at about 28 KB, and a question to this bot is a sentence or two.
/// </summary>
public sealed class InputLimitsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "InputLimits";

    /// <summary>
    /// Largest request body, in bytes, that <c>POST /api/messages</c> and the web chat API read; a larger one is
    /// answered 413 with a reason and never parsed. Default 262144 (256 KB); 16384 to 16777216.
    /// </summary>
    [Range(16_384, 16_777_216)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Longest message text, in characters (after the bot's mention is removed), that a turn matches; a longer one
    /// gets a reply asking for a shorter question, and the conversation (a decision dialog in progress included)
    /// stays as it was. Applies to every channel. Default 2000; 100 to 100000.
    /// </summary>
    [Range(100, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>
    /// Whether a message of <see cref="MaxMessageLength"/> characters fits in a request of
    /// <see cref="MaxRequestBodyBytes"/>: 8 bytes per character leave room for UTF-8, JSON escapes and the HTML copy
    /// of the text that Teams attaches, so such a message reaches the turn and gets the helpful reply, not a 413.
    /// </summary>
    public bool MessageFitsInRequest => MaxRequestBodyBytes >= 8L * MaxMessageLength;
}
