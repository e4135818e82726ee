using System.Reflection;
using ComplianceBot.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Parses YAML content files into DTOs, reporting syntax errors, unknown keys (with a "did you mean" hint) and
/// wrong value types at their exact line and column.
/// </summary>
internal static class YamlFileParser
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties() // unknown keys are reported by CheckKeys, with a hint
        .Build();

    /// <summary>Parses <paramref name="text"/> of the file at <paramref name="path"/> (used in messages).</summary>
    public static ParsedFile<T> Parse<T>(string path, string text, List<ValidationMessage> messages)
        where T : class
    {
        var values = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var keys = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        YamlNode? root;
        var anchors = AnchorFinder.Find(text);
        if (anchors.Count > 0)
        {
            messages.AddRange(anchors.Select(a => new ValidationMessage(path, a.Line, a.Column, Severity.Error,
                "anchors and aliases (& and *) are not allowed in content files; write the value out "
                + "(text that starts with & or * must be in quotes)")));
            return new ParsedFile<T>(path, null, null, values, keys);
        }

        var duplicates = DuplicateKeyFinder.Find(text);
        if (duplicates.Count > 0)
        {
            messages.AddRange(duplicates.Select(d => new ValidationMessage(path, d.Line, d.Column, Severity.Error,
                $"duplicate key '{d.Key}' (first on line {d.FirstLine}); keep one of them")));
            return new ParsedFile<T>(path, null, null, values, keys);
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                messages.Add(new ValidationMessage(path, 1, 1, Severity.Error, "the file is empty"));
                return new ParsedFile<T>(path, null, null, values, keys);
            }

            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                messages.Add(new ValidationMessage(path, (int)second.Line, (int)second.Column, Severity.Error,
                    "the file holds more than one YAML document ('---'); put one entry in each file"));
            }

            root = stream.Documents[0].RootNode;
            Index(root, string.Empty, values, keys);
        }
        catch (YamlException ex)
        {
            var problem = YamlSyntaxAdvice.Describe(ex, text);
            messages.Add(new ValidationMessage(path, problem.Line, problem.Column, Severity.Error, "YAML syntax: " + problem.Text));
            return new ParsedFile<T>(path, null, null, values, keys);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; find where it stopped.
            var (line, column) = YamlSyntaxAdvice.LastReadablePosition(text);
            messages.Add(new ValidationMessage(path, line, column, Severity.Error,
                "YAML syntax: cannot read the value starting here; check for an unclosed '[', '{' or quote"));
            return new ParsedFile<T>(path, null, null, values, keys);
        }

        var file = new ParsedFile<T>(path, null, root, values, keys);
        if (root is not YamlMappingNode)
        {
            messages.Add(file.At(string.Empty, Severity.Error,
                $"expected a mapping of keys (like 'id: ...') at the top of the file, found {Kind(root)}"));
            return file;
        }

        var before = messages.Count;
        CheckShape(root, typeof(T), string.Empty, file, messages);
        if (messages.Count > before)
        {
            return file; // binding would only repeat the same problems less clearly
        }

        try
        {
            var dto = Deserializer.Deserialize<T>(text);
            return new ParsedFile<T>(path, dto, root, values, keys);
        }
        catch (YamlException ex)
        {
            messages.Add(new ValidationMessage(path, (int)ex.Start.Line, (int)ex.Start.Column, Severity.Error,
                YamlSyntaxAdvice.Strip(ex.InnerException?.Message ?? ex.Message)));
            return file;
        }
    }

    private static void Index(YamlNode node, string pointer,
        Dictionary<string, (int, int)> values, Dictionary<string, (int, int)> keys)
    {
        values[pointer] = ((int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var child = pointer + "/" + ((key as YamlScalarNode)?.Value ?? "?");
                    keys[child] = ((int)key.Start.Line, (int)key.Start.Column);
                    Index(value, child, values, keys);
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Index(seq.Children[i], pointer + "/" + i, values, keys);
                }

                break;
        }
    }

    /// <summary>Walks the YAML tree alongside the DTO type: unknown keys and wrong node kinds become messages.</summary>
    private static void CheckShape<T>(YamlNode node, Type type, string pointer, ParsedFile<T> file,
        List<ValidationMessage> messages)
        where T : class
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" } && node.Tag.IsEmpty
            && ((YamlScalarNode)node).Style == YamlDotNet.Core.ScalarStyle.Plain)
        {
            return; // an empty value: reported as missing by the checks that need it
        }

        if (type == typeof(string) || type == typeof(int) || type == typeof(bool))
        {
            if (type == typeof(string) && IsKeyValueOnOneLine(node))
            {
                messages.Add(file.At(pointer, Severity.Error,
                    "this line contains ': ', which YAML reads as a key; put the text in quotes"));
            }
            else if (node is not YamlScalarNode scalar)
            {
                messages.Add(file.At(pointer, Severity.Error,
                    $"{Subject(pointer)} must be {Expected(type)}, found {Kind(node)}"));
            }
            else if (type == typeof(int) && !int.TryParse(scalar.Value, out _))
            {
                messages.Add(file.At(pointer, Severity.Error,
                    $"{Subject(pointer)} must be a whole number, found '{scalar.Value}'"));
            }
            else if (type == typeof(bool) && scalar.Value is not ("true" or "false"))
            {
                messages.Add(file.At(pointer, Severity.Error,
                    $"{Subject(pointer)} must be true or false, found '{scalar.Value}'"));
            }

            return;
        }

        if (type == typeof(object))
        {
            return; // free-form value (e.g. a rule condition: one value or a list); its checker reads the node itself
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            // A mapping whose keys are content ids (e.g. slot ids in a dialog rule): any key, each value checked.
            if (node is not YamlMappingNode entries)
            {
                messages.Add(file.At(pointer, Severity.Error,
                    $"{Subject(pointer)} must be a mapping of keys (like 'key: value'), found {Kind(node)}"));
                return;
            }

            var valueType = type.GetGenericArguments()[1];
            foreach (var (keyNode, value) in entries.Children)
            {
                CheckShape(value, valueType, pointer + "/" + ((keyNode as YamlScalarNode)?.Value ?? "?"), file, messages);
            }

            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node is not YamlSequenceNode seq)
            {
                messages.Add(file.At(pointer, Severity.Error,
                    $"{Subject(pointer)} must be a list (items starting with '- ' or [a, b]), found {Kind(node)}"));
                return;
            }

            var itemType = type.GetGenericArguments()[0];
            for (var i = 0; i < seq.Children.Count; i++)
            {
                CheckShape(seq.Children[i], itemType, pointer + "/" + i, file, messages);
            }

            return;
        }

        if (node is not YamlMappingNode map)
        {
            messages.Add(file.At(pointer, Severity.Error,
                $"{Subject(pointer)} must be a mapping of keys, found {Kind(node)}"));
            return;
        }

        var properties = KnownKeys(type);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var child = pointer + "/" + key;
            if (!properties.TryGetValue(key, out var property))
            {
                var hint = DidYouMean(key, properties.Keys);
                messages.Add(file.AtKey(child, Severity.Error,
                    $"unknown key '{key}'" + (hint is null ? $" (allowed here: {string.Join(", ", properties.Keys)})" : $"; did you mean '{hint}'?")));
                continue;
            }

            CheckShape(value, property.PropertyType, child, file, messages);
        }
    }

    private static readonly Dictionary<Type, Dictionary<string, PropertyInfo>> KeyCache = new();

    /// <summary>The snake_case keys a DTO type accepts.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> KeysOf(Type type) => KnownKeys(type);

    private static Dictionary<string, PropertyInfo> KnownKeys(Type type)
    {
        lock (KeyCache)
        {
            if (!KeyCache.TryGetValue(type, out var keys))
            {
                keys = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);
                KeyCache[type] = keys;
            }

            return keys;
        }
    }

    /// <summary>
    /// The closest of <paramref name="candidates"/> to <paramref name="key"/> in lower case (the valid form of an id), if it
    /// is close enough to be a typo and differs from <paramref name="key"/>; otherwise null.
    /// </summary>
    public static string? DidYouMean(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestScore = 0;
        foreach (var candidate in candidates)
        {
            var score = FuzzySharp.Fuzz.Ratio(key.ToLowerInvariant(), candidate);
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        // Suggest the valid lower-case form: a file named Log-Retention.yaml must not make 'Log-Retention' the
        // suggestion, and suggesting what was written ('log-retention' for 'log-retention') helps nobody.
        var hint = bestScore >= 70 ? best?.ToLowerInvariant() : null;
        return hint == key ? null : hint;
    }

    /// <summary>
    /// True for a one-entry mapping written on one line (<c>- question: is a paid vpn legal</c>): text in which a
    /// <c>': '</c> made YAML see a key, where the author meant one piece of text.
    /// </summary>
    private static bool IsKeyValueOnOneLine(YamlNode node) =>
        node is YamlMappingNode { Children.Count: 1 } map
        && map.Children.Single() is var (key, value)
        && key is YamlScalarNode && value is YamlScalarNode
        && key.Start.Line == value.End.Line;

    /// <summary>How a message names the value at <paramref name="pointer"/>: <c>'title'</c>, or <c>item 2 of 'en'</c> inside a list.</summary>
    private static string Subject(string pointer)
    {
        if (pointer.Length == 0)
        {
            return "the top level";
        }

        var parts = pointer.Split('/');
        var last = parts[^1];
        if (int.TryParse(last, out var index) && parts.Length >= 2)
        {
            return parts.Length >= 3 && parts[^2].Length > 0 ? $"item {index + 1} of '{parts[^2]}'" : $"item {index + 1}";
        }

        return $"'{last}'";
    }

    private static string Expected(Type type) =>
        type == typeof(int) ? "a whole number" : type == typeof(bool) ? "true or false" : "a text value";

    private static string Kind(YamlNode? node) => node switch
    {
        YamlMappingNode => "a mapping of keys",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"the value '{Truncate(s.Value)}'",
        _ => "nothing",
    };

    private static string Truncate(string? value) =>
        value is null ? string.Empty : value.Length > 30 ? value[..30] + "…" : value;
}
