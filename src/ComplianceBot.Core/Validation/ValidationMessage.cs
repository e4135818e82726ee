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
/// <remarks>
/// Two messages are equal when their place, severity and text are. A message may be created with its text still to be
/// written (<see cref="IMessageText"/>): the nearly-same-phrasings lint warns about up to one phrasing in two of large
/// generated content (109,450 warnings at 10,000 topics, each quoting two phrasings), and the running bot keeps its
/// last load's messages, so those texts are written each time they are read instead of being kept.
/// </remarks>
public sealed record ValidationMessage
{
    private readonly object _text; // the text, or the IMessageText that writes it

    /// <summary>A message with its text.</summary>
    /// <param name="Path">File path relative to the repository root, with forward slashes, e.g. <c>knowledge/topics/travelers.yaml</c>.</param>
    /// <param name="Line">1-based line; 0 when the problem concerns the file as a whole.</param>
    /// <param name="Column">1-based column; 0 when the problem concerns the file as a whole.</param>
    /// <param name="Severity">Error, warning or info.</param>
    /// <param name="Text">What is wrong and, where possible, how to fix it.</param>
    public ValidationMessage(string Path, int Line, int Column, Severity Severity, string Text)
    {
        this.Path = Path;
        this.Line = Line;
        this.Column = Column;
        this.Severity = Severity;
        _text = Text;
    }

    /// <summary>A message whose text <paramref name="text"/> writes whenever it is read.</summary>
    internal ValidationMessage(string path, int line, int column, Severity severity, IMessageText text)
    {
        Path = path;
        Line = line;
        Column = column;
        Severity = severity;
        _text = text;
    }

    /// <summary>File path relative to the repository root, with forward slashes, e.g. <c>knowledge/topics/travelers.yaml</c>.</summary>
    public string Path { get; init; }

    /// <summary>1-based line; 0 when the problem concerns the file as a whole.</summary>
    public int Line { get; init; }

    /// <summary>1-based column; 0 when the problem concerns the file as a whole.</summary>
    public int Column { get; init; }

    /// <summary>Error, warning or info.</summary>
    public Severity Severity { get; init; }

    /// <summary>What is wrong and, where possible, how to fix it.</summary>
    public string Text
    {
        get => _text as string ?? ((IMessageText)_text).Write();
        init => _text = value;
    }

    /// <summary>Formats as <c>path:line:column: error|warning|info: text</c>.</summary>
    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {Severity.ToString().ToLowerInvariant()}: {Text}";

    /// <summary>Whether <paramref name="other"/> has the same place, severity and text.</summary>
    public bool Equals(ValidationMessage? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (string.Equals(Path, other.Path, StringComparison.Ordinal) && Line == other.Line && Column == other.Column
                && Severity == other.Severity && string.Equals(Text, other.Text, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Path, Line, Column, Severity, Text);
}

/// <summary>The text of a <see cref="ValidationMessage"/>, written when it is read (see its remarks).</summary>
internal interface IMessageText
{
    /// <summary>The message's text; the same each time.</summary>
    string Write();
}
