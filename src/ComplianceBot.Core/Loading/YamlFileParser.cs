using ComplianceBot.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// Parses YAML content files into their representation tree with line maps (anchors, duplicate keys and syntax
/// errors reported in plain words at their line and column), and binds a file to its data class once it has passed
/// its JSON Schema (<see cref="Validation.SchemaCheck"/>), which owns the shape.
/// </summary>
internal static class YamlFileParser
{
    // No IgnoreUnmatchedProperties: a key the schema allows but the data class lacks is reported, never dropped.
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses <paramref name="text"/> of the file at <paramref name="path"/> (used in messages).</summary>
    public static ParsedFile<T> Parse<T>(string path, string text, List<ValidationMessage> messages)
        where T : class
    {
        var values = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var keys = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        YamlNode? root;
        var events = YamlEvents.Read(text); // scanned once, replayed to each reader below and to Bind
        var anchors = AnchorFinder.Find(events.Replay());
        if (anchors.Count > 0)
        {
            messages.AddRange(anchors.Select(a => new ValidationMessage(path, a.Line, a.Column, Severity.Error,
                "anchors and aliases (& and *) are not allowed in content files; write the value out "
                + "(text that starts with & or * must be in quotes)")));
            return new ParsedFile<T>(path, text, null, values, keys);
        }

        var duplicates = DuplicateKeyFinder.Find(events.Replay());
        if (duplicates.Count > 0)
        {
            messages.AddRange(duplicates.Select(d => new ValidationMessage(path, d.Line, d.Column, Severity.Error,
                $"duplicate key '{d.Key}' (first on line {d.FirstLine}); keep one of them")));
            return new ParsedFile<T>(path, text, null, values, keys);
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(events.Replay());
            if (stream.Documents.Count == 0)
            {
                messages.Add(new ValidationMessage(path, 1, 1, Severity.Error, "the file is empty"));
                return new ParsedFile<T>(path, text, null, values, keys);
            }

            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                messages.Add(new ValidationMessage(path, (int)second.Line, (int)second.Column, Severity.Error,
                    "the file holds more than one YAML document ('---'); put one entry in each file"));
            }

            root = stream.Documents[0].RootNode;
            var folded = FoldedListItemFinder.Find(root, text);
            if (folded.Count > 0)
            {
                messages.AddRange(folded.Select(f => new ValidationMessage(path, f.Line, f.Column, Severity.Error,
                    $"this '- ' item is indented deeper than the line above it, so YAML reads it as more text of the value on "
                    + $"line {f.ValueLine} and the items after it are lost; put every '- ' of a list at the same indentation")));
                return new ParsedFile<T>(path, text, null, values, keys);
            }

            Index(root, string.Empty, values, keys);
        }
        catch (YamlException ex)
        {
            var problem = YamlSyntaxAdvice.Describe(ex, text);
            messages.Add(new ValidationMessage(path, problem.Line, problem.Column, Severity.Error, "YAML syntax: " + problem.Text));
            return new ParsedFile<T>(path, text, null, values, keys);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; find where it stopped.
            var (line, column) = YamlSyntaxAdvice.LastReadablePosition(text);
            messages.Add(new ValidationMessage(path, line, column, Severity.Error,
                "YAML syntax: cannot read the value starting here; check for an unclosed '[', '{' or quote"));
            return new ParsedFile<T>(path, text, null, values, keys);
        }

        return new ParsedFile<T>(path, text, root, values, keys) { Events = events };
    }

    /// <summary>
    /// Binds <paramref name="file"/>, which has passed its schema, to its data class. A key the schema allows but the
    /// data class does not read is an error at the key (the schema and the code disagree), so no content is dropped.
    /// </summary>
    public static void Bind<T>(ParsedFile<T> file, List<ValidationMessage> messages)
        where T : class
    {
        try
        {
            file.Bind(Deserializer.Deserialize<T>(file.Events?.Replay() ?? new Parser(new StringReader(file.Text!))));
        }
        catch (YamlException ex)
        {
            messages.Add(new ValidationMessage(file.Path, (int)ex.Start.Line, (int)ex.Start.Column, Severity.Error,
                "the bot cannot read this value although the schema allows it (the schema and the data classes in "
                + "src/ComplianceBot.Core/Loading disagree): " + YamlSyntaxAdvice.Strip(ex.InnerException?.Message ?? ex.Message)));
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
}
