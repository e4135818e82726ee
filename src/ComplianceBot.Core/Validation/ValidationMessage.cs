namespace ComplianceBot.Core.Validation;

/// <summary>How serious a content problem is.</summary>
public enum Severity
{
    /// <summary>Worth knowing, nothing to fix now (e.g. an UNVERIFIED regulation entry).</summary>
    Info,

    /// <summary>Content still loads, but a reader may get a worse answer (e.g. a stale review date).</summary>
    Warning,

    /// <summary>Content cannot be used; the bot keeps serving the last good content.</summary>
    Error,
}

/// <summary>One problem found in a content file, in the form compilers use so editors can jump to it.</summary>
/// <param name="Path">File path relative to the repository root, with forward slashes, e.g. <c>knowledge/topics/travelers.yaml</c>.</param>
/// <param name="Line">1-based line; 0 when the problem concerns the file as a whole.</param>
/// <param name="Column">1-based column; 0 when the problem concerns the file as a whole.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Text">What is wrong and, where possible, how to fix it.</param>
public sealed record ValidationMessage(string Path, int Line, int Column, Severity Severity, string Text)
{
    /// <summary>Formats as <c>path:line:column: error|warning|info: text</c>.</summary>
    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {Severity.ToString().ToLowerInvariant()}: {Text}";
}
