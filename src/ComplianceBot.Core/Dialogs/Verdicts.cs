namespace ComplianceBot.Core.Dialogs;

/// <summary>The verdict ids (<c>docs/reply-format.md</c>, "Verdicts"): what a decision dialog can conclude.</summary>
public static class Verdicts
{
    /// <summary><c>permitted</c>: the situation is allowed.</summary>
    public const string Permitted = "permitted";

    /// <summary><c>conditional</c>: allowed only if, or once, the stated conditions hold.</summary>
    public const string Conditional = "conditional";

    /// <summary><c>not-permitted</c>: the situation is not allowed.</summary>
    public const string NotPermitted = "not-permitted";

    /// <summary><c>needs-review</c>: outside what the knowledge base can decide; the compliance team must look at it.</summary>
    public const string NeedsReview = "needs-review";

    /// <summary>All four verdict ids, in the order of that table.</summary>
    public static IReadOnlyList<string> All { get; } = [Permitted, Conditional, NotPermitted, NeedsReview];
}
