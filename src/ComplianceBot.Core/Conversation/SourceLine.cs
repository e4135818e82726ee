namespace ComplianceBot.Core.Conversation;

/// <summary>One cited regulation as shown to the reader.</summary>
/// <param name="RegulationId">The regulation entry's id; empty for the closing note that explains the UNVERIFIED mark.</param>
/// <param name="Text">Display text, e.g. "Interim Provisions on International Networking, Art. 6".</param>
/// <param name="Verified">False when the regulation or a cited article is UNVERIFIED (the text then says so).</param>
public sealed record SourceLine(string RegulationId, string Text, bool Verified);
