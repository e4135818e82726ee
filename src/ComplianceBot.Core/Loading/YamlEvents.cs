using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ComplianceBot.Core.Loading;

/// <summary>
/// The parsing events of one YAML text, read once with YamlDotNet's parser and replayed to every reader of the file
/// (the anchor and duplicate-key finders, the representation tree, the deserializer), so a file is scanned once instead
/// of four times. A syntax error ends the events: it is thrown again by a replay that reaches it, at the same place,
/// so every reader sees exactly what parsing the text itself would show.
/// </summary>
internal sealed class YamlEvents
{
    private readonly List<ParsingEvent> _events;
    private readonly Exception? _failure;

    private YamlEvents(List<ParsingEvent> events, Exception? failure)
    {
        _events = events;
        _failure = failure;
    }

    /// <summary>Reads the events of <paramref name="text"/> up to its end or its first syntax error.</summary>
    public static YamlEvents Read(string text)
    {
        var events = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return new YamlEvents(events, ex);
        }

        return new YamlEvents(events, null);
    }

    /// <summary>A new parser that replays the events (and then the syntax error, if any).</summary>
    public IParser Replay() => new ReplayParser(this);

    private sealed class ReplayParser(YamlEvents events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next < events._events.Count)
            {
                Current = events._events[_next++];
                return true;
            }

            if (events._failure is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            Current = null;
            return false;
        }
    }
}
