using System.Threading.Channels;

namespace ComplianceBot.Slack;

/// <summary>
/// Hands turns from the Slack routes (which must answer Slack within 3 seconds) to <see cref="SlackTurnProcessor"/>.
/// Turns are spread over <see cref="PartitionCount"/> lanes by conversation, so one conversation's turns are handled
/// one at a time and in order (its state is never written by two turns at once) while different conversations
/// proceed in parallel.
/// </summary>
public sealed class SlackTurnQueue
{
    /// <summary>Number of lanes, each worked by one reader.</summary>
    public const int PartitionCount = 4;

    /// <summary>Turns waiting per lane before <see cref="TryEnqueue"/> refuses more.</summary>
    public const int LaneCapacity = 1000;

    private readonly Channel<SlackTurn>[] _lanes = Enumerable.Range(0, PartitionCount)
        .Select(_ => Channel.CreateBounded<SlackTurn>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
        .ToArray();

    /// <summary>Turns queued and not yet taken by a reader, over all lanes.</summary>
    public int Count => _lanes.Sum(lane => lane.Reader.Count);

    /// <summary>Queues <paramref name="turn"/>; false when its lane is full (the bot is overloaded) or the queue was completed (shutting down).</summary>
    public bool TryEnqueue(SlackTurn turn) => _lanes[Lane(turn.ConversationKey)].Writer.TryWrite(turn);

    /// <summary>Takes no more turns (graceful shutdown): the readers finish the turns already queued, then end.</summary>
    public void Complete()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }
    }

    /// <summary>The reader of lane <paramref name="index"/> (0 to <see cref="PartitionCount"/> - 1).</summary>
    public ChannelReader<SlackTurn> Reader(int index) => _lanes[index].Reader;

    private static int Lane(string key)
    {
        var hash = 17u;
        foreach (var ch in key)
        {
            hash = unchecked((hash * 31) + ch);
        }

        return (int)(hash % PartitionCount);
    }
}
