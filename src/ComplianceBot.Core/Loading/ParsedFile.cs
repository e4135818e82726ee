using ComplianceBot.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// One YAML content file as parsed: its representation tree and where every key and value sits (the line maps).
/// Positions are looked up by JSON pointers such as <c>/citations/0/regulation</c>.
/// </summary>
internal class ParsedFile
{
    private readonly Dictionary<string, (int Line, int Column)> _valuePositions;
    private readonly Dictionary<string, (int Line, int Column)> _keyPositions;

    public ParsedFile(string path, string? text, YamlNode? root,
        Dictionary<string, (int, int)> valuePositions, Dictionary<string, (int, int)> keyPositions)
    {
        Path = path;
        Text = text;
        Root = root;
        _valuePositions = valuePositions;
        _keyPositions = keyPositions;
    }

    /// <summary>Path as shown in messages: relative to the parent of the content folder, forward slashes.</summary>
    public string Path { get; }

    /// <summary>The file's text, or null when it could not be read (or once <see cref="ReleaseTree"/> has run).</summary>
    public string? Text { get; private set; }

    /// <summary>The root node, or null when the file is not valid YAML (or once <see cref="ReleaseTree"/> has run).</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>
    /// Drops the text and the YAML tree once the file has been checked against its schema and bound: the checks after
    /// that read the bound data and the line maps only, and with thousands of files the trees would be most of the
    /// memory a load holds.
    /// </summary>
    public void ReleaseTree() => (Text, Root, Events) = (null, null, null);

    /// <summary>The file's parsing events, read once (<see cref="YamlEvents"/>), for binding; null when not parsed or released.</summary>
    internal YamlEvents? Events { get; set; }

    /// <summary>Position of the value at <paramref name="pointer"/>; the nearest existing ancestor when absent.</summary>
    public (int Line, int Column) ValueAt(string pointer) => Find(_valuePositions, pointer);

    /// <summary>Position of the key at <paramref name="pointer"/> (for "unknown key" style messages).</summary>
    public (int Line, int Column) KeyAt(string pointer) =>
        _keyPositions.TryGetValue(pointer, out var p) ? p : Find(_valuePositions, pointer);

    /// <summary>Whether a key or item exists at <paramref name="pointer"/>.</summary>
    public bool Has(string pointer) => _valuePositions.ContainsKey(pointer);

    /// <summary>The YAML node at <paramref name="pointer"/>, or null.</summary>
    public YamlNode? NodeAt(string pointer)
    {
        var node = Root;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace("~1", "/").Replace("~0", "~")))
        {
            node = node switch
            {
                YamlMappingNode map => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var key } && key == part).Value,
                YamlSequenceNode seq when int.TryParse(part, out var i) && i < seq.Children.Count => seq.Children[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>A message located at the value at <paramref name="pointer"/>.</summary>
    public ValidationMessage At(string pointer, Severity severity, string text)
    {
        var (line, column) = ValueAt(pointer);
        return new ValidationMessage(Path, line, column, severity, text);
    }

    /// <summary>A message located at the key at <paramref name="pointer"/>.</summary>
    public ValidationMessage AtKey(string pointer, Severity severity, string text)
    {
        var (line, column) = KeyAt(pointer);
        return new ValidationMessage(Path, line, column, severity, text);
    }

    private static (int, int) Find(Dictionary<string, (int, int)> map, string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (map.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return (1, 1);
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current[..slash];
        }
    }
}

/// <summary>A parsed file and, once it has passed its schema, its data class.</summary>
/// <typeparam name="T">The data class the file binds to.</typeparam>
internal sealed class ParsedFile<T> : ParsedFile
    where T : class
{
    public ParsedFile(string path, string? text, YamlNode? root,
        Dictionary<string, (int, int)> valuePositions, Dictionary<string, (int, int)> keyPositions)
        : base(path, text, root, valuePositions, keyPositions)
    {
    }

    /// <summary>The bound data, or null until the file has passed its schema and been bound (or when binding failed).</summary>
    public T? Dto { get; private set; }

    /// <summary>Sets the bound data (once).</summary>
    public void Bind(T dto) => Dto ??= dto;
}
