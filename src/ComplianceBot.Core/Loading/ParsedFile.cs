using ComplianceBot.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// One YAML content file, parsed twice: into the representation tree (to know where every key and value sits)
/// and into its DTO. Positions are looked up by JSON-pointer-like paths such as <c>/citations/0/regulation</c>.
/// </summary>
/// <typeparam name="T">The DTO type the file binds to.</typeparam>
internal sealed class ParsedFile<T>
    where T : class
{
    private readonly Dictionary<string, (int Line, int Column)> _valuePositions;
    private readonly Dictionary<string, (int Line, int Column)> _keyPositions;

    public ParsedFile(string path, T? dto, YamlNode? root,
        Dictionary<string, (int, int)> valuePositions, Dictionary<string, (int, int)> keyPositions)
    {
        Path = path;
        Dto = dto;
        Root = root;
        _valuePositions = valuePositions;
        _keyPositions = keyPositions;
    }

    /// <summary>Path relative to the repository root, forward slashes.</summary>
    public string Path { get; }

    /// <summary>The bound DTO, or null when the file could not be parsed or bound.</summary>
    public T? Dto { get; }

    /// <summary>The root node, or null when the file is not valid YAML.</summary>
    public YamlNode? Root { get; }

    /// <summary>Position of the value at <paramref name="pointer"/>; the nearest existing ancestor when absent.</summary>
    public (int Line, int Column) ValueAt(string pointer) => Find(_valuePositions, pointer);

    /// <summary>Position of the key at <paramref name="pointer"/> (for "unknown key" style messages).</summary>
    public (int Line, int Column) KeyAt(string pointer) =>
        _keyPositions.TryGetValue(pointer, out var p) ? p : Find(_valuePositions, pointer);

    /// <summary>Whether a key or item exists at <paramref name="pointer"/>.</summary>
    public bool Has(string pointer) => _valuePositions.ContainsKey(pointer);

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
