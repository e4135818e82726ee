namespace ComplianceBot.Core.Knowledge;

/// <summary>Who a topic is written for (content key <c>audience</c>).</summary>
public enum Audience
{
    /// <summary>A private person using the internet in mainland China (<c>individual</c>).</summary>
    Individual,

    /// <summary>A company or institution and the people who run its network (<c>enterprise</c>).</summary>
    Enterprise,

    /// <summary>Someone travelling to mainland China (<c>traveller</c>).</summary>
    Traveller,
}
